package org.ariadne.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ariadne.hashing.MediaHasher;
import org.ariadne.hashing.MediaRecord;
import org.ariadne.hashing.vpdq.MatchedSegment;
import org.ariadne.hashing.vpdq.VpdqComparison;
import org.ariadne.index.vpdq.VideoMatch;
import org.ariadne.index.vpdq.VpdqIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ariadne video-match}: query videos against known videos with vPDQ's published comparison, and
 * where each known video lies in the query. One JSON line per query.
 */
@Command(name = "video-match",
        description = "Match videos against known videos (vPDQ): one JSON line per query, with the matched segments.",
        sortOptions = false)
final class VideoMatchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--against", required = true, arity = "1..*", paramLabel = "KNOWN",
            description = "Known videos (files or folders, walked recursively).")
    List<Path> against;

    @Option(names = "--all", description = "Also list known videos that share frames with the query but do not match.")
    boolean all;

    @Mixin
    HashingOptions hashing;

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "Videos to look for (files or folders).")
    List<Path> queries;

    @Override
    public Integer call() {
        MediaHasher hasher = hashing.hasher();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        VpdqIndex index = new VpdqIndex(VpdqComparison.PUBLISHED);
        List<String> known = new ArrayList<>();
        for (Path file : HashCommand.listFiles(against)) {
            MediaRecord r = hasher.hash(file);
            if (r.video() == null) {
                err.println(file + ": skipped: " + (r.error() != null ? r.error() : "not a video"));
                continue;
            }
            index.add(r.video().vpdq());
            known.add(file.toString());
        }
        for (Path file : HashCommand.listFiles(queries)) {
            MediaRecord r = hasher.hash(file);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("query", file.toString());
            if (r.video() == null) {
                line.put("error", r.error() != null ? r.error() : "not a video");
            } else {
                List<Map<String, Object>> matches = new ArrayList<>();
                for (VideoMatch m : index.search(r.video().vpdq())) {
                    if (all || m.isMatch()) {
                        matches.add(match(known.get(m.video()), m));
                    }
                }
                line.put("matches", matches);
            }
            out.println(JsonLine.of(line));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static Map<String, Object> match(String known, VideoMatch m) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("known", known);
        fields.put("match", m.isMatch());
        fields.put("query_match_percent", round(m.comparison().queryMatchPercent()));
        fields.put("known_match_percent", round(m.comparison().comparedMatchPercent()));
        List<Map<String, Object>> segments = new ArrayList<>();
        for (MatchedSegment s : m.segments()) {
            Map<String, Object> segment = new LinkedHashMap<>();
            segment.put("query_start", round(s.queryStart()));
            segment.put("query_end", round(s.queryEnd()));
            segment.put("known_start", round(s.knownStart()));
            segment.put("known_end", round(s.knownEnd()));
            segment.put("frames", s.frames());
            segments.add(segment);
        }
        fields.put("segments", segments);
        return fields;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
