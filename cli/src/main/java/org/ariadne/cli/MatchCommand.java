package org.ariadne.cli;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.ariadne.hashing.pdq.PdqHash;
import org.ariadne.index.Match;
import org.ariadne.index.pdq.PdqIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ariadne match}: every query hash against every reference hash, exactly, through the PDQ index.
 * One JSON line per query that has matches, in the order of the queries file.
 */
@Command(name = "match",
        description = "Match PDQ hashes against reference hashes: one JSON line per query with matches, nearest first.",
        sortOptions = false)
final class MatchCommand implements Callable<Integer> {

    /**
     * Queries a thread searches at once (the index answers a batch much faster than one query after
     * another); each thread's part of a block is answered before the block is written, in order.
     */
    private static final int PART = 32_768;
    /** The most threads a fork-join pool takes. */
    private static final int MAX_THREADS = 32_767;

    enum Format { jsonl }

    @Spec
    CommandSpec spec;

    @Option(names = "--against", required = true, paramLabel = "REFS",
            description = "Reference hashes: one PDQ hash a line, optionally followed by a comma and an id.")
    Path against;

    @Option(names = "--radius", defaultValue = "31", description = "Largest Hamming distance to report (default ${DEFAULT-VALUE}, at most 256).")
    int radius;

    @Option(names = "--top", paramLabel = "K", description = "Report only the K nearest references of each query.")
    Integer top;

    @Option(names = "--format", defaultValue = "jsonl", description = "jsonl (the only format for now).")
    Format format;

    @Option(names = "--threads", description = "Worker threads (default: the number of processors).")
    Integer threads;

    @Mixin
    ProgressOption progress;

    @Parameters(paramLabel = "QUERIES", description = "Query hashes, in the same form as REFS.")
    Path queriesFile;

    @Override
    public Integer call() throws Exception {
        if (radius < 0 || radius > PdqHash.BITS) {
            throw new ExitCodes.UsageException("--radius must be between 0 and " + PdqHash.BITS);
        }
        if (top != null && top < 1) {
            throw new ExitCodes.UsageException("--top must be at least 1");
        }
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1 || workers > MAX_THREADS) {
            throw new ExitCodes.UsageException("--threads must be between 1 and " + MAX_THREADS);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        HashListFile refs = HashListFile.read(against, err);
        HashListFile queries = HashListFile.read(queriesFile, err);
        PdqIndex index = new PdqIndex();
        index.addAll(refs.hashes());

        int n = queries.hashes().size();
        ProgressBar bar = progress.bar(err, "matching", n);
        int block = PART * workers;
        ForkJoinPool pool = new ForkJoinPool(workers);
        try {
            String[] lines = new String[block];
            for (int start = 0; start < n; start += block) {
                int first = start;
                int count = Math.min(block, n - start);
                pool.submit(() -> IntStream.range(0, (count + PART - 1) / PART).parallel().forEach(part -> {
                    int from = part * PART;
                    List<PdqHash> some = queries.hashes().subList(first + from, first + Math.min(count, from + PART));
                    index.searchAll(some, radius, (q, matches) -> {
                        List<Match> kept = top == null || matches.size() <= top ? matches : matches.subList(0, top);
                        lines[from + q] = kept.isEmpty() ? null : line(queries, first + from + q, refs, kept);
                    });
                })).get();
                for (int i = 0; i < count; i++) {
                    if (lines[i] != null) {
                        out.println(lines[i]);
                    }
                    bar.step(0);
                }
            }
        } finally {
            pool.shutdown();
        }
        bar.done();
        out.flush();
        if (out.checkError()) {
            err.println("ariadne: could not write the results (disk full, or the reader went away)");
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    private static String line(HashListFile queries, int q, HashListFile refs, List<Match> matches) {
        StringBuilder line = new StringBuilder(64 + 32 * matches.size());
        line.append("{\"query\":");
        label(line, queries, q);
        line.append(",\"matches\":[");
        for (int m = 0; m < matches.size(); m++) {
            Match match = matches.get(m);
            line.append(m == 0 ? "{\"ref\":" : ",{\"ref\":");
            label(line, refs, match.id());
            line.append(",\"distance\":").append(match.distance()).append('}');
        }
        return line.append("]}").toString();
    }

    /** The id given in the file, as a JSON string, or else the line number. */
    private static void label(StringBuilder line, HashListFile file, int i) {
        String id = file.ids().get(i);
        if (id == null) {
            line.append(file.lines().get(i));
        } else {
            line.append('"').append(JsonStringEncoder.getInstance().quoteAsString(id)).append('"');
        }
    }
}
