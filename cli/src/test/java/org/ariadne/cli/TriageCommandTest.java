package org.ariadne.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TriageCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path BRIDGE_MODS = CliRun.REFERENCE.resolve("pdq/bridge-mods");

    @TempDir
    Path dir;

    @Test
    void triagesAFolderAgainstAPlainListAndWritesEveryReport() throws Exception {
        Path list = dir.resolve("known.txt");
        // expected-pdq.tsv gives the PDQ of bridge-mods/aaa-orig.jpg; every edit of the bridge lies near it.
        Files.writeString(list, "pdq:f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22,bridge\nnot a hash\n");
        Path out = dir.resolve("out");

        CliRun run = CliRun.of("triage", "--hashset", list.toString(), "--out", out.toString(), "--no-progress",
                BRIDGE_MODS.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("known.txt: line 2:").contains("loaded").contains("12 files");
        List<JsonNode> records = journal(out);
        assertThat(records).hasSize(12).allSatisfy(r -> {
            assertThat(r.get("verdict").asText()).isEqualTo("similar");
            assertThat(r.fieldNames()).toIterable().contains("path", "size", "md5", "sha1", "sha256", "pdq",
                    "pdq_quality", "verdict", "matches", "error");
            assertThat(r.at("/matches/0/media_id").asText()).isEqualTo("bridge");
            assertThat(r.at("/matches/0/signal").asText()).isEqualTo("pdq");
        });
        assertThat(out.resolve("summary.json")).isRegularFile();
        assertThat(out.resolve("report.html")).isRegularFile();
        assertThat(out.resolve("contribution.json")).isRegularFile();
    }

    @Test
    void sceneGroupsAreAskedForAndThenUnknownPicturesCarryTheirSceneFeatures() throws Exception {
        Path out = dir.resolve("scenes");

        CliRun run = CliRun.of("triage", "--scene-groups", "--out", out.toString(), "--no-progress", BRIDGE_MODS.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(journal(out)).hasSize(12).allSatisfy(r -> {
            assertThat(r.get("verdict").asText()).isEqualTo("unknown");
            assertThat(r.get("scene").asText()).matches("01[0-9a-f]+");
        });
    }

    @Test
    void aFileThatIsNoHashSetStopsTheRunWithExitCode2() throws Exception {
        Path notASet = dir.resolve("photo.jpg");
        Files.copy(BRIDGE_MODS.resolve("aaa-orig.jpg"), notASet);

        CliRun run = CliRun.of("triage", "--hashset", notASet.toString(), "--out", dir.resolve("out").toString(),
                BRIDGE_MODS.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("photo.jpg is not a hash set");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aKilledRunResumesWithoutMissingOrRepeatedRecords() throws Exception {
        Path seized = Files.createDirectories(dir.resolve("seized"));
        Random random = new Random(7);
        for (int i = 0; i < 150; i++) {
            writeBlocks(seized.resolve("img-%03d.png".formatted(i)), random);
        }
        Path out = dir.resolve("out");
        Process triage = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), Ariadne.class.getName(),
                "triage", "--threads", "1", "--no-progress", "--out", out.toString(), seized.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("killed.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (lines(out) < 5 && triage.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        triage.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no flush, no cleanup
        long recordedAtKill = lines(out);
        assertThat(recordedAtKill).as(Files.readString(dir.resolve("killed.log"))).isBetween(5L, 149L);

        CliRun resumed = CliRun.of("triage", "--resume", "--no-progress", "--out", out.toString(), seized.toString());

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("done before");
        List<String> paths = new ArrayList<>();
        for (JsonNode r : journal(out)) {
            paths.add(r.get("path").asText());
        }
        try (var files = Files.list(seized)) {
            assertThat(paths).containsExactlyElementsOf(files.map(Path::toString).sorted().toList());
        }
        assertThat(JSON.readTree(out.resolve("summary.json").toFile()).get("resumed").asInt())
                .isGreaterThanOrEqualTo((int) recordedAtKill - 1);
    }

    private static long lines(Path out) throws IOException {
        Path journal = out.resolve("report.jsonl");
        if (!Files.exists(journal)) {
            return 0;
        }
        return Files.readString(journal).chars().filter(c -> c == '\n').count();
    }

    private static List<JsonNode> journal(Path out) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("report.jsonl"))) {
            records.add(JSON.readTree(line));
        }
        return records;
    }

    /** A seeded picture of random grey blocks, 512 pixels a side. */
    private static void writeBlocks(Path file, Random random) throws IOException {
        BufferedImage image = new BufferedImage(512, 512, BufferedImage.TYPE_BYTE_GRAY);
        for (int by = 0; by < 16; by++) {
            for (int bx = 0; bx < 16; bx++) {
                int grey = random.nextInt(256);
                for (int y = by * 32; y < by * 32 + 32; y++) {
                    for (int x = bx * 32; x < bx * 32 + 32; x++) {
                        image.getRaster().setSample(x, y, 0, grey);
                    }
                }
            }
        }
        ImageIO.write(image, "png", file.toFile());
    }
}
