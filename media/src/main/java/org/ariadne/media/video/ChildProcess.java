package org.ariadne.media.video;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import org.ariadne.media.UndecodableMediaException;

/**
 * A decoder program run as a child process: its standard error is drained (the last lines kept for the
 * error message), and it is killed when it outlives its time limit or when it is closed early. A crash
 * or a hang of the decoder is thereby an error for one file, never for the JVM.
 */
final class ChildProcess implements AutoCloseable {

    /** Lines of standard error kept: the cause of a failure is in its last lines. */
    private static final int KEPT_ERROR_LINES = 4;

    private final String program;
    private final Process process;
    private final InputStream output;
    private final Thread stderrReader;
    private final Thread watchdog;
    private final Deque<String> lastErrors = new ArrayDeque<>();
    private volatile boolean timedOut;

    private ChildProcess(String program, Process process, Duration timeout) {
        this.program = program;
        this.process = process;
        this.output = new BufferedInputStream(process.getInputStream());
        this.stderrReader = Thread.ofVirtual().start(this::drainErrors);
        this.watchdog = Thread.ofVirtual().start(() -> killAfter(timeout));
    }

    static ChildProcess start(String program, ProcessBuilder builder, Duration timeout) throws UndecodableMediaException {
        builder.redirectInput(ProcessBuilder.Redirect.DISCARD.file());
        try {
            return new ChildProcess(program, builder.start(), timeout);
        } catch (IOException e) {
            throw new UndecodableMediaException("video decoding unavailable: " + program + " could not start ("
                    + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads the program's output into {@code into} until it is full or the output ends; returns the bytes
     * read. A read cut short by the time limit (the kill closes the stream under it) says so.
     */
    int read(byte[] into) throws UndecodableMediaException {
        try {
            return output.readNBytes(into, 0, into.length);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** The next byte of the program's output, or -1 at its end (for the short header lines of a stream). */
    int read() throws UndecodableMediaException {
        try {
            return output.read();
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private UndecodableMediaException unreadable(IOException e) throws UndecodableMediaException {
        failIfTimedOut();
        return new UndecodableMediaException(program + " output could not be read: " + e.getMessage(), e);
    }

    /** Waits for the program to end; a non-zero exit or a timeout becomes an error naming the cause. */
    void finish() throws UndecodableMediaException {
        int exit;
        try {
            exit = process.waitFor();
            stderrReader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UndecodableMediaException("interrupted while decoding", e);
        }
        failIfTimedOut();
        if (exit != 0) {
            throw new UndecodableMediaException(failure(exit));
        }
    }

    /** Throws if the time limit killed the program (its output then ended early). */
    private void failIfTimedOut() throws UndecodableMediaException {
        if (timedOut) {
            throw new UndecodableMediaException(program + " took longer than its time limit: stopped");
        }
    }

    /** What standard error said last, for messages about output that made no sense. */
    synchronized String lastError() {
        return String.join("; ", lastErrors);
    }

    private String failure(int exit) {
        String said = lastError();
        if (exit > 128) {
            return program + " crashed (signal " + (exit - 128) + ")" + (said.isEmpty() ? "" : ": " + said);
        }
        return said.isEmpty() ? program + " failed (exit " + exit + ")" : said;
    }

    private void drainErrors() {
        try (InputStream in = process.getErrorStream()) {
            StringBuilder line = new StringBuilder();
            for (int b; (b = in.read()) >= 0; ) {
                if (b == '\n' || b == '\r') {
                    keep(line.toString().strip());
                    line.setLength(0);
                } else if (line.length() < 500) {
                    line.append((char) b);
                }
            }
            keep(line.toString().strip());
        } catch (IOException e) {
            // The process was killed; what was read is kept.
        }
    }

    private synchronized void keep(String line) {
        if (line.isEmpty()) {
            return;
        }
        if (lastErrors.size() == KEPT_ERROR_LINES) {
            lastErrors.removeFirst();
        }
        lastErrors.addLast(new String(line.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private void killAfter(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                timedOut = true;
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            // Closed early: close() kills the process.
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        watchdog.interrupt();
    }
}
