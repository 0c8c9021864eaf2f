package org.ariadne.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.ariadne.hashing.testing.ReferenceData;
import org.ariadne.hashsets.HashSetEntry;
import org.ariadne.hashsets.HashSetFormat;
import org.ariadne.hashsets.HashSetReader;
import org.ariadne.hashsets.KnownHashes;
import org.ariadne.media.DecodeLimits;
import org.ariadne.media.LumaImage;
import org.ariadne.scene.testing.Scenes;
import org.ariadne.triage.report.Reports;
import org.ariadne.triage.source.SourceLimits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seized folder of reference photos, generated images and damaged files, triaged against a VICS
 * hash set whose hashes come from the reference data: verdicts, reports and resuming.
 */
class TriageTest {

    private static final String HOSTILE_NAME = "<img src=x onerror=alert(1)>'&.png";

    @TempDir
    Path dir;

    private Path source;
    private Path hashSet;
    private KnownHashes known;
    private List<KnownHashes.Loaded> loaded;

    @BeforeEach
    void seizedFolderAndHashSet() throws Exception {
        Path ref = ReferenceData.pdq();
        source = Files.createDirectories(dir.resolve("seized"));
        Path photos = Files.createDirectories(source.resolve("photos"));
        Files.copy(ref.resolve("reg-test-input/labelme-subset/q0122.jpg"), photos.resolve("q0122.jpg"));
        Files.copy(ref.resolve("reg-test-input/dih/bridge-2-rotate-90.jpg"), photos.resolve("bridge-turned.jpg"));
        Files.copy(ref.resolve("reg-test-input/dih/bridge-5-flipx.jpg"), photos.resolve("bridge-mirrored.jpg"));
        byte[] q0291 = Files.readAllBytes(ref.resolve("reg-test-input/labelme-subset/q0291.jpg"));
        byte[] q0746 = Files.readAllBytes(ref.resolve("reg-test-input/labelme-subset/q0746.jpg"));
        Path damaged = Files.createDirectories(source.resolve("damaged"));
        Files.write(damaged.resolve("known-but-cut.jpg"), java.util.Arrays.copyOf(q0291, q0291.length / 3));
        Files.write(damaged.resolve("cut.jpg"), java.util.Arrays.copyOf(q0746, q0746.length / 3));
        Files.writeString(damaged.resolve("notes.txt"), "not an image\n");
        Path fresh = Files.createDirectories(source.resolve("new"));
        writeGenerated(fresh.resolve("generated.png"));
        Files.copy(fresh.resolve("generated.png"), fresh.resolve(HOSTILE_NAME));

        String bridgePdq = ReferenceData.tsv(ref.resolve("expected-pdq.tsv")).stream()
                .filter(row -> row[0].equals("reg-test-input/dih/bridge-1-original.jpg")).findFirst().orElseThrow()[1];
        hashSet = dir.resolve("agency-a.json");
        Files.writeString(hashSet, """
                {"@odata.context": "http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/US/$metadata#Cases",
                 "value": [{"CaseID": 1, "Media": [
                   {"MediaID": 11, "MD5": "%s", "Category": "1", "Series": "series-north", "VictimIdentified": true},
                   {"MediaID": 12, "Series": "series-bridge", "VictimIdentified": false,
                    "AlternativeHashes": [{"HashName": "PDQ", "HashValue": "%s"}]},
                   {"MediaID": 13, "MD5": "%s", "Series": "series-south"}
                 ]}]}
                """.formatted(md5(photos.resolve("q0122.jpg")), bridgePdq, md5(damaged.resolve("known-but-cut.jpg"))));
        known = new KnownHashes();
        loaded = List.of(known.load(hashSet, null, (where, what) -> {
            throw new AssertionError(where + ": " + what);
        }));
    }

    @Test
    void givesEachFileItsVerdictWithWhatTheHashSetKnows() throws Exception {
        Triage.Outcome outcome = run(dir.resolve("out"), true, false);

        Map<String, TriageRecord> records = byName(Journal.read(dir.resolve("out")));
        assertThat(outcome.records()).isEqualTo(8);
        assertThat(records.keySet()).containsExactly("cut.jpg", "known-but-cut.jpg", "notes.txt", HOSTILE_NAME,
                "generated.png", "bridge-mirrored.jpg", "bridge-turned.jpg", "q0122.jpg");

        TriageRecord q0122 = records.get("q0122.jpg");
        assertThat(q0122.verdict()).isEqualTo(Verdict.KNOWN);
        assertThat(q0122.matches()).singleElement().satisfies(m -> {
            assertThat(m.signal()).isEqualTo("md5");
            assertThat(m.series()).isEqualTo("series-north");
            assertThat(m.category()).isEqualTo("1");
            assertThat(m.victimIdentified()).isTrue();
            assertThat(m.mediaId()).isEqualTo("11");
        });
        for (String turned : List.of("bridge-turned.jpg", "bridge-mirrored.jpg")) {
            TriageRecord r = records.get(turned);
            assertThat(r.verdict()).as(turned).isEqualTo(Verdict.SIMILAR);
            assertThat(r.matches()).singleElement().satisfies(m -> {
                assertThat(m.signal()).isEqualTo("pdq");
                assertThat(m.series()).isEqualTo("series-bridge");
                assertThat(m.transformation()).isNotEqualTo("original");
                assertThat(m.distance()).isBetween(0, 31);
            });
        }
        assertThat(records.get("known-but-cut.jpg").verdict()).isEqualTo(Verdict.KNOWN);
        assertThat(records.get("known-but-cut.jpg").error()).isNotNull();
        assertThat(records.get("cut.jpg").verdict()).isEqualTo(Verdict.ERROR);
        assertThat(records.get("cut.jpg").md5()).isEqualTo(md5(source.resolve("damaged/cut.jpg")));
        assertThat(records.get("notes.txt").verdict()).isEqualTo(Verdict.ERROR);
        assertThat(records.get("generated.png").verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(records.get("generated.png").thumbnail()).matches("thumbnails/[0-9a-f]{64}\\.jpg");
        assertThat(dir.resolve("out").resolve(records.get("generated.png").thumbnail())).isRegularFile();
    }

    @Test
    void matchingInBatchesGivesTheSameRecordsAsOneFileAtATime() throws IOException {
        run(dir.resolve("one-by-one"), true, false);
        Triage batched = triage(dir.resolve("batched"), true, false);
        batched.batchFromPdqEntries = 0;
        batched.matcher.minBatchQueries = 1;

        batched.run(quiet());

        assertThat(Journal.read(dir.resolve("batched"))).isEqualTo(Journal.read(dir.resolve("one-by-one")));
    }

    @Test
    void summaryCountsByVerdictAndSeries() throws IOException {
        run(dir.resolve("out"), true, false);

        var summary = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("out").resolve(Reports.SUMMARY).toFile());
        assertThat(summary.get("files").asInt()).isEqualTo(8);
        assertThat(summary.at("/verdicts/known").asInt()).isEqualTo(2);
        assertThat(summary.at("/verdicts/similar").asInt()).isEqualTo(2);
        assertThat(summary.at("/verdicts/unknown").asInt()).isEqualTo(2);
        assertThat(summary.at("/verdicts/error").asInt()).isEqualTo(2);
        assertThat(summary.at("/series/series-bridge").asInt()).isEqualTo(2);
        assertThat(summary.at("/series/series-north").asInt()).isEqualTo(1);
        assertThat(summary.get("victim_identified").asInt()).isEqualTo(1);
        assertThat(summary.at("/hashsets/0/entries").asInt()).isEqualTo(3);
        assertThat(summary.get("images_per_second").asDouble()).isPositive();
    }

    @Test
    void contributionIsVics20OfTheUnknownAndSimilarFiles() throws IOException {
        run(dir.resolve("out"), true, false);

        List<HashSetEntry> entries = new ArrayList<>();
        HashSetFormat format = HashSetReader.read(dir.resolve("out").resolve(Reports.CONTRIBUTION), null,
                new HashSetReader.Listener() {
                    @Override
                    public void entry(HashSetEntry entry) {
                        entries.add(entry);
                    }

                    @Override
                    public void problem(String location, String message) {
                        throw new AssertionError(location + ": " + message);
                    }
                });
        assertThat(format).isEqualTo(HashSetFormat.VICS_2_0);
        Map<String, TriageRecord> records = byName(Journal.read(dir.resolve("out")));
        assertThat(entries).extracting(e -> e.md5().hex()).containsExactlyInAnyOrder(
                records.get("generated.png").md5(), records.get(HOSTILE_NAME).md5(),
                records.get("bridge-turned.jpg").md5(), records.get("bridge-mirrored.jpg").md5());
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.sha256()).isNotNull();
            assertThat(e.pdq()).isNotNull();
        });
    }

    @Test
    void htmlReportEscapesNamesBlursThumbnailsAndGroupsCopies() throws IOException {
        run(dir.resolve("out"), true, false);
        run(dir.resolve("bare"), false, false);

        String html = Files.readString(dir.resolve("out").resolve(Reports.HTML));
        assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;&#39;&amp;.png").doesNotContain("<img src=x");
        assertThat(html.split("<img class=thumb", -1)).hasSize(3);
        assertThat(html).contains("filter:blur(").contains("Reveal thumbnails").contains("series-bridge")
                .contains("2 files: near-duplicates (PDQ within 31, rotations and flips included)");
        assertThat(Files.readString(dir.resolve("bare").resolve(Reports.HTML))).doesNotContain("<img")
                .contains("--no-thumbnails");
    }

    @Test
    void groupsUnknownPicturesWithTheirRotatedAndMirroredCopies() throws IOException {
        Path turned = Files.createDirectories(dir.resolve("turned"));
        Path dih = ReferenceData.pdq().resolve("reg-test-input/dih");
        for (String name : List.of("bridge-1-original.jpg", "bridge-4-rotate-270.jpg", "bridge-6-flipy.jpg")) {
            Files.copy(dih.resolve(name), turned.resolve(name));
        }
        writeGenerated(turned.resolve("other.png"));
        Path out = dir.resolve("turned-out");

        new Triage(new KnownHashes(), List.of(), new Triage.Options(List.of(turned), List.of(), out, 31, 2, false,
                false, DecodeLimits.DEFAULT, SourceLimits.DEFAULT, false)).run(quiet());

        assertThat(Journal.read(out)).extracting(TriageRecord::verdict).containsOnly(Verdict.UNKNOWN);
        assertThat(Files.readString(out.resolve(Reports.HTML)))
                .contains("3 files: near-duplicates (PDQ within 31, rotations and flips included)")
                .contains("1 file linked to no other");
    }

    @Test
    void groupsUnknownPicturesOfOneSceneSeenAnotherWay() throws IOException {
        Path rooms = Files.createDirectories(dir.resolve("rooms"));
        BufferedImage room = Scenes.room(800, 600, 21);
        ImageIO.write(room, "png", rooms.resolve("room.png").toFile());
        // The same room from elsewhere: a crop seen at an angle, in other light (no near-duplicate by PDQ).
        LumaImage view = Scenes.lighting(Scenes.perspective(Scenes.crop(Scenes.luma(room), 200, 0, 600, 450),
                new float[] {0.12f, 0.05f, 0.08f, 0.1f, 0.05f, 0.08f, 0.1f, 0.04f}), 0.7, 30, 1.2);
        ImageIO.write(grey(view), "png", rooms.resolve("view.png").toFile());
        ImageIO.write(Scenes.room(800, 600, 22), "png", rooms.resolve("another.png").toFile());
        Path out = dir.resolve("rooms-out");
        Path plain = dir.resolve("rooms-plain");

        new Triage(new KnownHashes(), List.of(), new Triage.Options(List.of(rooms), List.of(), out, 31, 2, false,
                false, DecodeLimits.DEFAULT, SourceLimits.DEFAULT, true)).run(quiet());
        new Triage(new KnownHashes(), List.of(), new Triage.Options(List.of(rooms), List.of(), plain, 31, 2, false,
                false, DecodeLimits.DEFAULT, SourceLimits.DEFAULT, false)).run(quiet());

        assertThat(Journal.read(out)).extracting(TriageRecord::scene).doesNotContainNull();
        assertThat(Files.readString(out.resolve(Reports.HTML)))
                .contains("2 files: same scene (local features in agreeing geometry)")
                .contains("1 file linked to no other")
                .doesNotContain("near-duplicates");
        assertThat(Journal.read(plain)).as("scene groups not asked for").extracting(TriageRecord::scene).containsOnlyNulls();
        assertThat(Files.readString(plain.resolve(Reports.HTML))).contains("3 files linked to no other");
    }

    private static BufferedImage grey(LumaImage luma) {
        BufferedImage image = new BufferedImage(luma.width(), luma.height(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < luma.height(); y++) {
            for (int x = 0; x < luma.width(); x++) {
                int v = Math.clamp(Math.round(luma.at(x, y)), 0, 255);
                image.getRaster().setSample(x, y, 0, v);
            }
        }
        return image;
    }

    @Test
    void triagesInsideNestedArchivesAndRefusesHostileContentWithoutStopping() throws IOException {
        Path seized = Files.createDirectories(dir.resolve("drive"));
        Path ref = ReferenceData.pdq();
        byte[] innerTarGz = tarGz("deep/bridge.jpg", Files.readAllBytes(ref.resolve("reg-test-input/dih/bridge-3-rotate-180.jpg")));
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(seized.resolve("evidence.zip")))) {
            member(zip, "photos/q0122.jpg", Files.readAllBytes(ref.resolve("reg-test-input/labelme-subset/q0122.jpg")));
            member(zip, "inner.tar.gz", innerTarGz);
            member(zip, "../../evil.txt", "written outside?".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(seized.resolve("bomb.zip")))) {
            member(zip, "zeros.bin", new byte[16 << 20]);
        }
        Files.createSymbolicLink(seized.resolve("link-out"), hashSet);
        Path out = dir.resolve("archives-out");

        new Triage(known, loaded, new Triage.Options(List.of(seized), List.of(hashSet), out, 31, 2, true, false,
                DecodeLimits.DEFAULT, SourceLimits.DEFAULT, false)).run(quiet());

        Map<String, TriageRecord> records = Journal.read(out).stream().collect(Collectors.toMap(
                r -> seized.relativize(Path.of(r.path().replace("!/", "/"))).toString() + (r.path().endsWith(".zip") ? "!" : ""),
                Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
        assertThat(records.get("evidence.zip/photos/q0122.jpg").verdict()).isEqualTo(Verdict.KNOWN);
        assertThat(records.get("evidence.zip/inner.tar.gz/deep/bridge.jpg").verdict()).isEqualTo(Verdict.SIMILAR);
        assertThat(records.get("evidence.zip/inner.tar.gz/deep/bridge.jpg").path())
                .endsWith("evidence.zip!/inner.tar.gz!/deep/bridge.jpg");
        assertThat(records.values()).filteredOn(r -> r.error() != null && r.error().startsWith("zip slip refused"))
                .singleElement().satisfies(r -> assertThat(r.verdict()).isEqualTo(Verdict.ERROR));
        assertThat(records.values()).filteredOn(r -> r.error() != null && r.error().startsWith("archive bomb refused"))
                .isNotEmpty().allSatisfy(r -> assertThat(r.path()).contains("bomb.zip"));
        assertThat(records.get("link-out").error()).startsWith("symbolic link leads outside the source");
        try (var everything = Files.walk(dir)) {
            assertThat(everything.filter(p -> p.getFileName().toString().equals("evil.txt"))).isEmpty();
        }
        try (var left = Files.list(out)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith(".spool"));
        }
    }

    private static void member(java.util.zip.ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new java.util.zip.ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static byte[] tarGz(String name, byte[] content) throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(
                new java.util.zip.GZIPOutputStream(bytes))) {
            var entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(name);
            entry.setSize(content.length);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void resumesACutJournalWithoutHashingDoneFilesAgain() throws IOException {
        Path out = dir.resolve("out");
        run(out, true, false);
        List<TriageRecord> complete = Journal.read(out);
        // As a kill -9 leaves it: three whole records and a fourth cut short, no reports yet.
        List<String> lines = Files.readAllLines(out.resolve(Journal.FILE));
        Files.writeString(out.resolve(Journal.FILE), String.join("\n", lines.subList(0, 3)) + "\n"
                + lines.get(3).substring(0, lines.get(3).length() / 2));
        Files.delete(out.resolve(Reports.SUMMARY));

        Triage.Outcome resumed = run(out, true, true);

        assertThat(resumed.resumed()).isEqualTo(3);
        assertThat(resumed.triaged()).isEqualTo(complete.size() - 3);
        assertThat(Journal.read(out)).isEqualTo(complete);
        assertThat(Files.readString(out.resolve(Journal.FILE)).lines().count()).isEqualTo(complete.size());
        assertThat(out.resolve(Reports.SUMMARY)).isRegularFile();
    }

    @Test
    void refusesToMixRuns() throws IOException {
        Path out = dir.resolve("out");
        run(out, true, false);

        assertThatThrownBy(() -> run(out, true, false)).isInstanceOf(TriageException.class)
                .hasMessageContaining("--resume");
        Triage other = new Triage(known, loaded, new Triage.Options(List.of(source), List.of(hashSet), out, 20, 2,
                true, true, DecodeLimits.DEFAULT, SourceLimits.DEFAULT, false));
        assertThatThrownBy(() -> other.run(quiet())).isInstanceOf(TriageException.class)
                .hasMessageContaining("other sources, hash sets or radius");
    }

    private Triage.Outcome run(Path out, boolean thumbnails, boolean resume) throws IOException {
        return triage(out, thumbnails, resume).run(quiet());
    }

    private Triage triage(Path out, boolean thumbnails, boolean resume) {
        return new Triage(known, loaded, new Triage.Options(List.of(source), List.of(hashSet), out, 31, 2,
                thumbnails, resume, DecodeLimits.DEFAULT, SourceLimits.DEFAULT, false));
    }

    private static Triage.Progress quiet() {
        return new Triage.Progress() {
            @Override
            public void total(int items) {
            }

            @Override
            public void step(long bytes) {
            }
        };
    }

    private static Map<String, TriageRecord> byName(List<TriageRecord> records) {
        return records.stream().collect(Collectors.toMap(r -> Path.of(r.path()).getFileName().toString(),
                Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private static String md5(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(file)));
    }

    /** A seeded picture of large grey blocks: detailed enough for a PDQ of full quality, like no photo. */
    private static void writeGenerated(Path file) throws IOException {
        Random random = new Random(42);
        BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        for (int by = 0; by < 8; by++) {
            for (int bx = 0; bx < 8; bx++) {
                int grey = random.nextInt(256);
                int rgb = grey << 16 | grey << 8 | grey;
                for (int y = by * 32; y < by * 32 + 32; y++) {
                    for (int x = bx * 32; x < bx * 32 + 32; x++) {
                        image.setRGB(x, y, rgb);
                    }
                }
            }
        }
        ImageIO.write(image, "png", file.toFile());
    }
}
