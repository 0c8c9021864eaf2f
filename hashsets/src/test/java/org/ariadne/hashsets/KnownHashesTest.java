package org.ariadne.hashsets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.ariadne.hashing.crypto.CryptoAlgorithm;
import org.ariadne.hashing.crypto.CryptoHash;
import org.ariadne.hashing.pdq.PdqHash;
import org.ariadne.hashing.testing.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownHashesTest {

    private static final String MD5 = "d41d8cd98f00b204e9800998ecf8427e";
    private static final String OTHER_MD5 = "0cc175b9c0f1b6a831c399e269772661";

    @TempDir
    Path folder;

    private final List<String> problems = new ArrayList<>();

    @Test
    void setsThatDisagreeAboutAHashAreBothKeptAndTheConflictListed() throws IOException {
        Path vics = write("agency-a.json", """
                {"odata.metadata": "x", "value": [
                  {"MediaID": 1, "MD5": "%s", "VictimIdentified": true, "Category": 1, "Series": "Synthetic A"},
                  {"MediaID": 2, "MD5": "%s", "VictimIdentified": false}
                ]}
                """.formatted(MD5, OTHER_MD5));
        Path icse = write("agency-b.csv", """
                MD5;SHA1;ZZ40;PhotoDNA;Lace;Image ID;Is distributed;Victim identified;Offender identified;Series name;Investigation name;Agency;Number of submissions;File Available;Media Type;Baseline
                %s;;;;;77;N;N;N;Synthetic A;;Agency B;1;N;Image;N
                %s;;;;;78;N;;N;;;Agency B;1;N;Image;N
                """.formatted(MD5.toUpperCase(), OTHER_MD5));

        KnownHashes known = new KnownHashes();
        KnownHashes.Loaded a = known.load(vics, null, this::problem);
        KnownHashes.Loaded b = known.load(icse, null, this::problem);

        assertThat(a).isEqualTo(new KnownHashes.Loaded("agency-a.json", HashSetFormat.VICS_1_3, 2, 0));
        assertThat(b).isEqualTo(new KnownHashes.Loaded("agency-b.csv", HashSetFormat.ICSE_CSV, 2, 0));
        assertThat(known.exact(new CryptoHash(CryptoAlgorithm.MD5, MD5)))
                .extracting(k -> k.hashSet() + "/" + k.entry().mediaId())
                .containsExactly("agency-a.json/1", "agency-b.csv/77");
        // the second item: agency B leaves "victim identified" empty, which is no disagreement
        assertThat(known.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.hash()).isEqualTo("md5:" + MD5);
            assertThat(c.what()).isEqualTo("victim identified");
            assertThat(c.first().hashSet()).isEqualTo("agency-a.json");
            assertThat(c.second().hashSet()).isEqualTo("agency-b.csv");
        });
        assertThat(known.exact(new CryptoHash(CryptoAlgorithm.SHA1, "da39a3ee5e6b4b0d3255bfef95601890afd80709"))).isEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void findsTheReferencePhotosEditsByPdqWithinTheRadius() throws IOException {
        Map<String, String> pdq = ReferenceData.tsv(ReferenceData.pdq().resolve("expected-pdq.tsv")).stream()
                .collect(Collectors.toMap(row -> row[0], row -> row[1]));
        String original = pdq.get("bridge-mods/aaa-orig.jpg");
        String blurred = pdq.get("bridge-mods/blur-a-little.jpg");
        Path list = write("known.txt", "pdq:" + original + ",bridge\n");

        KnownHashes known = new KnownHashes();
        known.load(list, null, this::problem);

        int expected = new BigInteger(original, 16).xor(new BigInteger(blurred, 16)).bitCount();
        assertThat(known.similar(PdqHash.parse(blurred), 31)).singleElement().satisfies(s -> {
            assertThat(s.known().entry().mediaId()).isEqualTo("bridge");
            assertThat(s.distance()).isEqualTo(expected);
        });
        assertThat(known.similar(PdqHash.parse(blurred), expected - 1)).isEmpty();
    }

    @Test
    void entriesRebuiltFromTheColumnsAndIndexesEqualWhatWasRead() throws IOException {
        // every field, location included: it is written again from the entry's line or list index
        List<Path> files = List.of(
                write("cases.json", new VicsDocuments(21, true, 60, 7, 8, 6, true).json),
                write("media.json", new VicsDocuments(22, false, 150, 1, 8, 6, false).json),
                write("export.csv", icse(23, 200)),
                write("list.txt", "# synthetic\nmd5:" + MD5 + ",item-1\n\npdq:" + "ab".repeat(32) + "\n" + OTHER_MD5 + "\n"));
        KnownHashes known = new KnownHashes();
        List<KnownHashes.Known> expected = new ArrayList<>();
        for (Path file : files) {
            known.load(file, null, this::problem);
            for (HashSetEntry entry : readAlone(file)) {
                expected.add(new KnownHashes.Known(file.getFileName().toString(), entry));
            }
        }

        assertThat(known.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(known.known(i)).as("entry %d", i).isEqualTo(expected.get(i));
        }
        assertThat(expected).extracting(k -> k.entry().agency()).containsAnyOf("Agency 1", "Agency 2");
    }

    @Test
    void conflictsAreListedAsALookupBeforeEachAdditionWouldFindThem() throws IOException {
        Path vics = write("a.json", new VicsDocuments(31, true, 80, 6, 0, 3, true).json);
        List<HashSetEntry> fromVics = readAlone(vics);
        Path csv = write("b.csv", icse(32, 300, fromVics));
        KnownHashes known = new KnownHashes();
        known.load(vics, null, this::problem);
        known.load(csv, null, this::problem);

        List<KnownHashes.Known> all = new ArrayList<>();
        fromVics.forEach(e -> all.add(new KnownHashes.Known("a.json", e)));
        readAlone(csv).forEach(e -> all.add(new KnownHashes.Known("b.csv", e)));
        List<KnownHashes.Conflict> expected = bruteForceConflicts(all);

        assertThat(expected).hasSizeGreaterThan(20);
        assertThat(known.conflicts()).containsExactlyElementsOf(expected);
    }

    @Test
    void aFileReadByTwoThreadsGivesWhatOneThreadGives() throws IOException {
        KnownHashes split = assertTwoThreadsReadAsOne(write("large.json",
                new VicsDocuments(41, true, 1500, 12, 20, 8, false).json));

        assertThat(split.conflicts()).isNotEmpty();
    }

    @Test
    void anExportReadByTwoThreadsGivesWhatOneThreadGives() throws IOException {
        Path file = write("large.csv", IcseCsvReaderTest.export(42, 20_000));

        assertTwoThreadsReadAsOne(file);

        assertThat(problems).containsExactlyElementsOf(ReadResult.of(file, null).problems());
    }

    /**
     * Loads the file by two threads and by one, and checks that both hold the same: entries, problems
     * (with their places), conflicts. Returns the one loaded by two.
     */
    private KnownHashes assertTwoThreadsReadAsOne(Path file) throws IOException {
        KnownHashes alone = new KnownHashes(Long.MAX_VALUE);
        List<String> aloneProblems = new ArrayList<>();
        alone.load(file, null, (where, what) -> aloneProblems.add(where + ": " + what));

        KnownHashes split = new KnownHashes(0);
        boolean[] joined = {false};
        KnownHashes.Loaded loaded = split.load(file, null, this::problem, sink -> slowFirst(sink, joined));

        assertThat(joined[0]).as("the second thread's half was used").isTrue();
        assertThat(loaded.entries()).isEqualTo(alone.size());
        assertThat(loaded.problems()).isEqualTo(aloneProblems.size()).isPositive();
        assertThat(problems).containsExactlyElementsOf(aloneProblems);
        for (int i = 0; i < alone.size(); i++) {
            assertThat(split.known(i)).as("entry %d", i).isEqualTo(alone.known(i));
        }
        assertThat(split.conflicts()).containsExactlyElementsOf(alone.conflicts());
        for (int i = alone.size() - 100; i < alone.size(); i++) { // lookups in the second thread's half
            HashSetEntry entry = alone.known(i).entry();
            for (CryptoHash hash : new CryptoHash[] {entry.md5(), entry.sha1(), entry.sha256()}) {
                if (hash != null) {
                    assertThat(split.exact(hash)).isEqualTo(alone.exact(hash));
                }
            }
        }
        return split;
    }

    /**
     * The loading seen through a sink that makes the first thread slow, so that the second reaches its
     * half first whatever the machine's load, and notes whether that half was joined.
     */
    private static RecordSink slowFirst(RecordSink sink, boolean[] joined) {
        return new RecordSink() {
            private int count;

            @Override
            public void entry(EntryBuilder record) {
                if (count++ % 200 == 0) {
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                sink.entry(record);
            }

            @Override
            public void problem(String location, String message) {
                sink.problem(location, message);
            }

            @Override
            public void problem(EntryBuilder place, String message) {
                sink.problem(place, message);
            }

            @Override
            public Later later() {
                Later later = sink.later();
                return new Later() {
                    @Override
                    public void entry(EntryBuilder record) {
                        later.entry(record);
                    }

                    @Override
                    public void problem(EntryBuilder place, String message) {
                        later.problem(place, message);
                    }

                    @Override
                    public void restart() {
                        later.restart();
                    }

                    @Override
                    public void join(int itemOffset, int lineOffset) {
                        joined[0] = true;
                        later.join(itemOffset, lineOffset);
                    }

                    @Override
                    public void discard() {
                        later.discard();
                    }
                };
            }
        };
    }

    /** The conflicts as the first KnownHashes listed them: each entry against every earlier one with its hash. */
    private static List<KnownHashes.Conflict> bruteForceConflicts(List<KnownHashes.Known> all) {
        List<KnownHashes.Conflict> conflicts = new ArrayList<>();
        for (int b = 0; b < all.size(); b++) {
            HashSetEntry second = all.get(b).entry();
            for (CryptoHash hash : new CryptoHash[] {second.md5(), second.sha1(), second.sha256()}) {
                if (hash == null) {
                    continue;
                }
                for (int a = 0; a < b; a++) {
                    HashSetEntry first = all.get(a).entry();
                    if (hash.equals(first.md5()) || hash.equals(first.sha1()) || hash.equals(first.sha256())) {
                        String what = disagreement(first, second);
                        if (what != null) {
                            conflicts.add(new KnownHashes.Conflict(hash.toString(), all.get(a), all.get(b), what));
                        }
                    }
                }
            }
        }
        return conflicts;
    }

    private static String disagreement(HashSetEntry a, HashSetEntry b) {
        List<String> fields = new ArrayList<>();
        if (differ(a.category(), b.category())) {
            fields.add("category");
        }
        if (differ(a.victimIdentified(), b.victimIdentified())) {
            fields.add("victim identified");
        }
        if (differ(a.offenderIdentified(), b.offenderIdentified())) {
            fields.add("offender identified");
        }
        if (differ(a.series(), b.series())) {
            fields.add("series");
        }
        return fields.isEmpty() ? null : String.join(", ", fields);
    }

    private static boolean differ(Object a, Object b) {
        return a != null && b != null && !a.equals(b);
    }

    /** What the reader alone gives for the file: the reference for what KnownHashes holds. */
    private static List<HashSetEntry> readAlone(Path file) throws IOException {
        return ReadResult.of(file, null).entries();
    }

    /** A synthetic ICSE export of {@code rows} rows, some repeating the hashes of {@code earlier} with labels of their own. */
    private static String icse(long seed, int rows, List<HashSetEntry> earlier) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("MD5;SHA1;ZZ40;PhotoDNA;Lace;Image ID;Is distributed;Victim identified;"
                + "Offender identified;Series name;Investigation name;Agency;Number of submissions;File Available;"
                + "Media Type;Baseline\n");
        String[] flags = {"Y", "N", "", "Yes", "no"};
        String[] series = {"", "series-0001", "series-0002", "\"Series; with a semicolon\"", " padded "};
        for (int r = 0; r < rows; r++) {
            String md5 = hex(random, 16);
            String sha1 = hex(random, 20);
            if (!earlier.isEmpty() && random.nextInt(3) == 0) {
                HashSetEntry e = earlier.get(random.nextInt(earlier.size()));
                md5 = e.md5() == null ? "" : e.md5().hex().toUpperCase(java.util.Locale.ROOT);
                sha1 = e.sha1() == null ? "" : e.sha1().hex();
            }
            csv.append(md5).append(';').append(random.nextInt(9) == 0 ? "" : sha1).append(";;;;")
                    .append(random.nextInt(5) == 0 ? "IMG-" + r : Integer.toString(r)).append(';')
                    .append(flags[random.nextInt(flags.length)]).append(';').append(flags[random.nextInt(flags.length)])
                    .append(';').append(flags[random.nextInt(flags.length)]).append(';')
                    .append(series[random.nextInt(series.length)]).append(";SYN-").append(r % 7).append(";Agency ")
                    .append(1 + random.nextInt(2)).append(";1;N;Image;N\n");
        }
        return csv.toString();
    }

    private static String icse(long seed, int rows) {
        return icse(seed, rows, List.of());
    }

    private static String hex(Random random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return java.util.HexFormat.of().formatHex(b);
    }

    private void problem(String location, String message) {
        problems.add(location + ": " + message);
    }

    private Path write(String name, String content) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, content);
        return file;
    }
}
