package org.ariadne.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashCommandTest {

    private static final Path REFERENCE = CliRun.REFERENCE;
    private static final Path BRIDGE_MODS = REFERENCE.resolve("pdq/bridge-mods");

    private static final String BRIDGE_PDQ = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";

    private static int distance(String hexA, String hexB) {
        return new java.math.BigInteger(hexA, 16).xor(new java.math.BigInteger(hexB, 16)).bitCount();
    }

    @TempDir
    Path dir;




    @Test
    void hashesAFolderInNameOrderWithTheReferenceHashes() throws Exception {
        CliRun run = CliRun.of("hash", "--threads", "2", BRIDGE_MODS.toString());

        assertThat(run.exitCode()).isZero();
        List<JsonNode> records = run.jsonLines();
        assertThat(records).hasSize(12);
        assertThat(records.getFirst().get("path").asText()).endsWith("aaa-orig.jpg");
        assertThat(records).extracting(r -> r.get("path").asText()).isSorted();
        JsonNode orig = records.getFirst();
        // expected-pdq.tsv: bridge-mods/aaa-orig.jpg; our own decoder keeps it within the publishers' tolerance.
        assertThat(distance(orig.get("pdq").asText(), BRIDGE_PDQ)).isLessThanOrEqualTo(10);
        assertThat(orig.get("pdq_quality").asInt()).isEqualTo(100);
        assertThat(orig.get("media_type").asText()).isEqualTo("image/jpeg");
        assertThat(orig.get("width").asInt()).isEqualTo(1600);
        assertThat(orig.get("height").asInt()).isEqualTo(1004);
        assertThat(orig.get("md5").asText()).hasSize(32);
        assertThat(orig.get("sha1").asText()).hasSize(40);
        assertThat(orig.get("sha256").asText()).hasSize(64);
        assertThat(orig.get("error").isNull()).isTrue();
        assertThat(orig.get("metadata").get("width").asInt()).isEqualTo(1600);
        assertThat(orig.fieldNames()).toIterable().containsExactly("path", "size", "media_type", "width", "height",
                "md5", "sha1", "sha256", "pdq", "pdq_quality", "orientation", "metadata", "error");
    }

    @Test
    void badFilesAreRecordsWithAnErrorAndTheRunSucceeds() throws Exception {
        Files.write(dir.resolve("a-empty.jpg"), new byte[0]);
        Files.writeString(dir.resolve("b-text.jpg"), "not a picture", StandardCharsets.US_ASCII);
        byte[] photo = Files.readAllBytes(BRIDGE_MODS.resolve("aaa-orig.jpg"));
        Files.write(dir.resolve("c-truncated.jpg"), java.util.Arrays.copyOf(photo, 5000));
        Files.copy(BRIDGE_MODS.resolve("aaa-orig.jpg"), dir.resolve("d-good.jpg"));

        CliRun run = CliRun.of("hash", dir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        List<JsonNode> records = run.jsonLines();
        assertThat(records).extracting(r -> r.get("error").asText(null))
                .containsExactly("empty file", "not a supported image: unrecognised content",
                        "truncated JPEG: the picture data ends before the end-of-image marker", null);
        assertThat(records).allSatisfy(r -> assertThat(r.get("sha256").asText()).hasSize(64));
    }

    @Test
    void csvHasAHeaderAndOneLinePerFile() {
        CliRun run = CliRun.of("hash", "--format", "csv", BRIDGE_MODS.resolve("aaa-orig.jpg").toString(),
                REFERENCE.resolve("pdq/reg-test-input/exif-rotn/exif-rotn-6.jpg").toString());

        assertThat(run.exitCode()).isZero();
        String[] lines = run.out().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("path,size,media_type,width,height,md5,sha1,sha256,pdq,pdq_quality,orientation,camera_make")
                .endsWith(",error");
        String[] first = lines[1].split(",", -1);
        assertThat(distance(first[8], BRIDGE_PDQ)).isLessThanOrEqualTo(10);
        assertThat(first[9]).isEqualTo("100");
        assertThat(lines[2]).contains(",samsung,SM-G930V,");
        assertThat(lines[1].split(",", -1)).hasSameSizeAs(lines[0].split(",", -1));
    }

    @Test
    void aMissingPathOrABadOptionIsExitCodeTwoWithAMessage() {
        CliRun missing = CliRun.of("hash", dir.resolve("nowhere").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file or folder").doesNotContain("Exception");
        assertThat(missing.out()).isEmpty();

        CliRun badOption = CliRun.of("hash", "--format", "xml", dir.toString());
        assertThat(badOption.exitCode()).isEqualTo(2);
        assertThat(badOption.err()).contains("--format");

        CliRun badThreads = CliRun.of("hash", "--threads", "0", dir.toString());
        assertThat(badThreads.exitCode()).isEqualTo(2);
    }

    @Test
    void progressGoesToStandardErrorWhenAsked() {
        CliRun run = CliRun.of("hash", "--progress", BRIDGE_MODS.toString());
        assertThat(run.err()).contains("12/12").contains("files/s").contains("ETA");
        CliRun quiet = CliRun.of("hash", "--no-progress", BRIDGE_MODS.toString());
        assertThat(quiet.err()).isEmpty();
    }
}
