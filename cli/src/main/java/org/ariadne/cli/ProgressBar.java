package org.ariadne.cli;

import java.io.PrintWriter;
import java.util.Locale;

/** A one-line progress bar with rate and time left, redrawn at most a few times a second. */
class ProgressBar {

    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 28;

    private final PrintWriter err;
    private final String task;
    private int total;
    private final long start = System.nanoTime();
    private long lastDraw;
    private int done;
    private long bytes;

    ProgressBar(PrintWriter err, String task, int total) {
        this.err = err;
        this.task = task;
        this.total = total;
    }

    static ProgressBar hidden() {
        return new ProgressBar(null, "", 0) {
            @Override
            void step(long itemBytes) {
            }

            @Override
            void total(int items) {
            }

            @Override
            void done() {
            }
        };
    }

    /** The work grew (or shrank) as it was discovered: archives are counted as they open. */
    void total(int items) {
        total = items;
    }

    void step(long itemBytes) {
        done++;
        bytes += Math.max(0, itemBytes);
        long now = System.nanoTime();
        if (now - lastDraw >= REDRAW_NANOS || done == total) {
            lastDraw = now;
            draw(now);
        }
    }

    void done() {
        draw(System.nanoTime());
        err.print('\n');
        err.flush();
    }

    private void draw(long now) {
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        double rate = done / seconds;
        double fraction = total == 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(fraction * WIDTH);
        String eta = rate > 0 && done < total ? clock((total - done) / rate) : "--:--";
        err.printf(Locale.ROOT, "\r%s [%s%s] %d/%d %3.0f%%  %.1f files/s  %.1f MB/s  ETA %s ",
                task, "#".repeat(filled), ".".repeat(WIDTH - filled), done, total, 100 * fraction,
                rate, bytes / 1e6 / seconds, eta);
        err.flush();
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
