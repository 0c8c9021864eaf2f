package org.ariadne.triage.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.ariadne.hashsets.KnownHashes;
import org.ariadne.triage.TriageMatch;
import org.ariadne.triage.TriageRecord;
import org.ariadne.triage.Verdict;

/**
 * The counts of a run: files by verdict, and the known and similar files by category and by series (a
 * file matching two series counts once in each). Speed is that of this run alone.
 */
record Summary(int files, long bytes, Map<Verdict, Integer> verdicts, Map<String, Integer> categories,
               Map<String, Integer> series, int victimIdentified, RunFacts facts) {

    /** Conflicts listed in full in the summary, at most; the count is always exact. */
    private static final int CONFLICTS_LISTED = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    static Summary of(List<TriageRecord> records, RunFacts facts) {
        Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            verdicts.put(v, 0);
        }
        Map<String, Integer> categories = new TreeMap<>();
        Map<String, Integer> series = new TreeMap<>();
        long bytes = 0;
        int victimIdentified = 0;
        for (TriageRecord r : records) {
            verdicts.merge(r.verdict(), 1, Integer::sum);
            bytes += Math.max(0, r.size());
            Set<String> fileCategories = new LinkedHashSet<>();
            Set<String> fileSeries = new LinkedHashSet<>();
            boolean identified = false;
            for (TriageMatch m : r.matches()) {
                fileCategories.add(m.category() == null ? "(none)" : m.category());
                if (m.series() != null) {
                    fileSeries.add(m.series());
                }
                identified |= Boolean.TRUE.equals(m.victimIdentified());
            }
            fileCategories.forEach(c -> categories.merge(c, 1, Integer::sum));
            fileSeries.forEach(s -> series.merge(s, 1, Integer::sum));
            victimIdentified += identified ? 1 : 0;
        }
        return new Summary(records.size(), bytes, verdicts, categories, series, victimIdentified, facts);
    }

    int count(Verdict verdict) {
        return verdicts.get(verdict);
    }

    double imagesPerSecond() {
        return facts.seconds() > 0 ? facts.images() / facts.seconds() : 0;
    }

    void write(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("files", files);
        root.put("bytes", bytes);
        ObjectNode byVerdict = root.putObject("verdicts");
        verdicts.forEach((v, n) -> byVerdict.put(v.label(), n));
        root.put("victim_identified", victimIdentified);
        ObjectNode byCategory = root.putObject("categories");
        categories.forEach(byCategory::put);
        ObjectNode bySeries = root.putObject("series");
        series.forEach(bySeries::put);
        root.put("elapsed_seconds", Math.round(facts.seconds() * 1000) / 1000.0);
        root.put("triaged_this_run", facts.triaged());
        root.put("resumed", facts.resumed());
        root.put("images_this_run", facts.images());
        root.put("images_per_second", Math.round(imagesPerSecond() * 10) / 10.0);
        root.put("radius", facts.radius());
        ArrayNode sets = root.putArray("hashsets");
        for (KnownHashes.Loaded set : facts.hashSets()) {
            sets.addObject().put("name", set.hashSet()).put("format", set.format().name().toLowerCase(java.util.Locale.ROOT))
                    .put("entries", set.entries()).put("problems", set.problems());
        }
        root.put("conflict_count", facts.conflicts().size());
        ArrayNode conflicts = root.putArray("conflicts");
        for (KnownHashes.Conflict c : facts.conflicts().subList(0, Math.min(CONFLICTS_LISTED, facts.conflicts().size()))) {
            ObjectNode node = conflicts.addObject();
            node.put("hash", c.hash());
            node.put("disagree_on", c.what());
            describe(node.putObject("first"), c.first());
            describe(node.putObject("second"), c.second());
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    }

    private static void describe(ObjectNode node, KnownHashes.Known known) {
        node.put("hashset", known.hashSet());
        node.put("location", known.entry().location());
        node.put("media_id", known.entry().mediaId());
    }
}
