package org.ariadne.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.ariadne.hashing.MediaHasher;
import org.ariadne.hashing.MediaRecord;
import org.ariadne.hashing.StageTimes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ariadne hash}: one record per file, in the order of the paths given and of the folders' names. */
@Command(name = "hash",
        description = "Hash images and videos: MD5, SHA-1, SHA-256, PDQ or vPDQ and metadata, one record per file on standard output.",
        sortOptions = false)
final class HashCommand implements Callable<Integer> {

    /** Records queued ahead of the writer per thread: enough to keep workers busy, bounded in memory. */
    private static final int QUEUE_PER_THREAD = 4;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "jsonl", description = "jsonl (default) or csv.")
    RecordFormat format;

    @Mixin
    HashingOptions hashing;

    @Option(names = "--frames", description = "With jsonl, list each video's hashed frames (vpdq_frames).")
    boolean frames;

    @Option(names = "--timings", description = "At the end, print to standard error where the time went (read, crypto, metadata, decode, PDQ, video).")
    boolean timings;

    @Mixin
    ProgressOption progress;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files and folders (walked recursively).")
    List<Path> paths;

    @Override
    public Integer call() {
        int workers = hashing.workers();
        MediaHasher hasher = hashing.hasher();
        List<Path> files = listFiles(paths);
        PrintWriter out = spec.commandLine().getOut();
        RecordWriter writer = format.writer(out, frames);
        ProgressBar bar = progress.bar(spec.commandLine().getErr(), "hashing", files.size());

        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(workers, Thread.ofPlatform().daemon().name("hash-", 0).factory());
        try {
            ArrayDeque<Future<MediaRecord>> pending = new ArrayDeque<>();
            int next = 0;
            while (next < files.size() || !pending.isEmpty()) {
                while (next < files.size() && pending.size() < workers * QUEUE_PER_THREAD) {
                    Path file = files.get(next++);
                    pending.add(pool.submit(() -> hasher.hash(file)));
                }
                MediaRecord record = pending.remove().get();
                writer.write(record);
                bar.step(record.size());
            }
            writer.finish();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException("a worker failed", e.getCause());
        } finally {
            pool.shutdownNow();
            bar.done();
            out.flush();
        }
        if (timings) {
            printTimings(hasher.times(), files.size(), (System.nanoTime() - start) / 1e9);
        }
        return ExitCodes.OK;
    }

    private void printTimings(StageTimes times, int files, double wallSeconds) {
        PrintWriter err = spec.commandLine().getErr();
        double total = Math.max(1e-9, times.totalSeconds());
        err.printf(Locale.ROOT, "%d files in %.2f s: %.1f files/s%n", files, wallSeconds, files / Math.max(1e-9, wallSeconds));
        for (StageTimes.Stage stage : StageTimes.Stage.values()) {
            double s = times.seconds(stage);
            err.printf(Locale.ROOT, "  %-9s %8.2f thread-s  %5.1f%%%n", stage.name().toLowerCase(Locale.ROOT), s, 100 * s / total);
        }
        err.flush();
    }

    /** Every regular file under the paths, sorted by name within each folder; symbolic links are not followed. */
    static List<Path> listFiles(List<Path> roots) {
        for (Path root : roots) {
            if (!Files.exists(root)) {
                throw new ExitCodes.UsageException("no such file or folder: " + root);
            }
        }
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                files.add(root);
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).sorted().forEach(files::add);
            } catch (IOException | UncheckedIOException e) {
                throw new ExitCodes.UsageException("cannot list " + root + ": " + e.getMessage());
            }
        }
        return files;
    }
}
