package org.ariadne.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ariadne.hashing.pdq.PdqHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchCommandTest {

    private static final Path REFERENCE = CliRun.REFERENCE;
    private static final String BRIDGE = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";
    private static final String OTHER = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;




    /** BRIDGE with its first {@code bits} bits (of the last hex digits) flipped. */
    private static String flipped(int bits) {
        PdqHash h = PdqHash.parse(BRIDGE);
        return new PdqHash(h.w0(), h.w1(), h.w2(), h.w3() ^ ((1L << bits) - 1)).hex();
    }

    @Test
    void writesOneLinePerQueryWithMatchesNearestFirst() throws Exception {
        Path refs = Files.writeString(dir.resolve("refs.txt"),
                BRIDGE + ",bridge\nnot a hash,broken\n" + flipped(3) + "\n" + OTHER + ",other\n");
        Path queries = Files.writeString(dir.resolve("queries.txt"),
                flipped(5) + "\n\n" + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff,far\n" + BRIDGE + ",q-bridge\n");

        CliRun run = CliRun.of("match", "--against", refs.toString(), "--no-progress", queries.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("refs.txt:2: skipped");
        List<JsonNode> out = run.jsonLines();
        assertThat(out).hasSize(2);
        assertThat(out.get(0).toString()).isEqualTo("{\"query\":1,\"matches\":[{\"ref\":3,\"distance\":2},{\"ref\":\"bridge\",\"distance\":5}]}");
        assertThat(out.get(1).toString()).isEqualTo("{\"query\":\"q-bridge\",\"matches\":[{\"ref\":\"bridge\",\"distance\":0},{\"ref\":3,\"distance\":3}]}");
    }

    @Test
    void radiusAndTopLimitTheMatches() throws Exception {
        Path refs = Files.writeString(dir.resolve("refs.txt"), BRIDGE + ",bridge\n" + flipped(3) + ",near\n");
        Path queries = Files.writeString(dir.resolve("queries.txt"), BRIDGE + "\n");

        assertThat(CliRun.of("match", "--against", refs.toString(), "--radius", "2", queries.toString()).jsonLines().get(0)
                .get("matches")).hasSize(1);
        assertThat(CliRun.of("match", "--against", refs.toString(), "--top", "1", queries.toString()).jsonLines().get(0)
                .get("matches").get(0).get("ref").asText()).isEqualTo("bridge");
    }

    /** Golden distances from the reference table: every photo of bridge-mods against every other. */
    @Test
    void matchesTheReferencePhotosAsTheirHashesSay() throws Exception {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(REFERENCE.resolve("pdq/expected-pdq.tsv"))) {
            String[] row = line.split("\t");
            if (row[0].startsWith("bridge-mods/")) {
                rows.add(row);
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            text.append(row[1]).append(',').append(row[0]).append('\n');
        }
        Path refs = Files.writeString(dir.resolve("bridge.txt"), text);

        CliRun run = CliRun.of("match", "--against", refs.toString(), refs.toString());

        int expectedPairs = 0;
        for (String[] a : rows) {
            for (String[] b : rows) {
                if (PdqHash.parse(a[1]).distance(PdqHash.parse(b[1])) <= 31) {
                    expectedPairs++;
                }
            }
        }
        int pairs = 0;
        for (JsonNode line : run.jsonLines()) {
            pairs += line.get("matches").size();
        }
        assertThat(rows).hasSizeGreaterThan(5);
        assertThat(pairs).isEqualTo(expectedPairs);
    }

    @Test
    void aByteOrderMarkBeforeTheFirstHashIsIgnored() throws Exception {
        Path refs = Files.writeString(dir.resolve("refs.txt"), "\uFEFF" + BRIDGE + ",bridge\n");

        CliRun run = CliRun.of("match", "--against", refs.toString(), refs.toString());

        assertThat(run.err()).isEmpty();
        assertThat(run.jsonLines()).hasSize(1);
    }

    @Test
    void aMissingFileOrBadOptionIsAUsageError() throws Exception {
        Path refs = Files.writeString(dir.resolve("refs.txt"), BRIDGE + "\n");
        assertThat(CliRun.of("match", "--against", dir.resolve("nope.txt").toString(), refs.toString()).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("match", "--against", refs.toString(), "--radius", "300", refs.toString()).exitCode()).isEqualTo(2);
        CliRun missing = CliRun.of("match", "--against", refs.toString(), dir.resolve("nope.txt").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file").doesNotContain("Exception");
    }
}
