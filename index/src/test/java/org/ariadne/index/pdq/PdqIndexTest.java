package org.ariadne.index.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ariadne.hashing.pdq.PdqHash;
import org.ariadne.hashing.testing.ReferenceData;
import org.ariadne.index.Match;
import org.junit.jupiter.api.Test;

/** The PDQ index's own structure: every radius through the tables, real photos' hashes, segments. */
class PdqIndexTest {

    @Test
    void substringsCoverEveryBitOnce() {
        long[] words = new long[4];
        int total = 0;
        for (int t = 0; t < Substrings.COUNT; t++) {
            total += Substrings.LENGTH[t];
        }
        assertThat(total).isEqualTo(PdqHash.BITS);
        for (int bit = 0; bit < PdqHash.BITS; bit++) {
            java.util.Arrays.fill(words, 0);
            words[bit >>> 6] = 1L << bit;
            int set = 0;
            for (int t = 0; t < Substrings.COUNT; t++) {
                set += Integer.bitCount(Substrings.key(words, 0, t));
            }
            assertThat(set).as("bit %d", bit).isEqualTo(1);
        }
    }

    @Test
    void differingBitsOfAKeyAgreeWithTheKeys() {
        // whole substrings, and keys shortened for segments of 2^16 and 2^13 ids (22 bits dropped from the 20-bit substring: 14)
        List<TableKeys> tableKeys = List.of(new TableKeys(24), new TableKeys(16), new TableKeys(13));
        assertThat(tableKeys.get(0).dropped).containsOnly(0);
        assertThat(tableKeys.get(1).bits).containsOnly(17);
        assertThat(tableKeys.get(2).bits).containsOnly(TableKeys.MIN_BITS);
        Random random = new Random(3);
        for (int i = 0; i < 1000; i++) {
            long[] a = {random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong()};
            long[] b = a.clone();
            for (int flips = random.nextInt(40); flips > 0; flips--) {
                int bit = random.nextInt(PdqHash.BITS);
                b[bit >>> 6] ^= 1L << bit;
            }
            long[] xor = {a[0] ^ b[0], a[1] ^ b[1], a[2] ^ b[2], a[3] ^ b[3]};
            for (TableKeys keys : tableKeys) {
                for (int t = 0; t < Substrings.COUNT; t++) {
                    assertThat(keys.differing(xor, t)).as("substring %d of %d bits", t, keys.bits[t])
                            .isEqualTo(Integer.bitCount(keys.key(a, 0, t) ^ keys.key(b, 0, t)));
                }
            }
        }
    }

    /**
     * Seventy thousand copies of one hash put seventy thousand ids under one key of every table, far more
     * than a window of a table's code holds; the copies and their neighbours are still all found, once each.
     */
    @Test
    void aHashCopiedSeventyThousandTimesIsFoundEveryTime() {
        Random random = new Random(21);
        PdqHash copied = PdqHashes.random(random);
        List<PdqHash> values = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            values.add(i % 10 < 7 ? copied : PdqHashes.flip(copied, random.nextInt(60), random));
        }
        PdqIndex index = new PdqIndex();
        index.addAll(values);
        index.alwaysProbe = true;

        List<PdqHash> queries = List.of(copied, PdqHashes.flip(copied, 5, random), PdqHashes.flip(copied, 30, random));
        List<List<Match>> expected = queries.stream().map(q -> bruteForce(values, q, 31)).toList();
        assertThat(expected.getFirst()).hasSizeGreaterThan(70_000);
        for (int q = 0; q < queries.size(); q++) {
            assertThat(index.search(queries.get(q), 31)).isEqualTo(expected.get(q));
        }
        assertThat(searchAll(index, queries, 31)).isEqualTo(expected);
    }

    @Test
    void tablesAreExactAtEveryRadiusUpTo64() {
        Random random = new Random(11);
        List<PdqHash> values = new ArrayList<>();
        for (int c = 0; c < 500; c++) {
            PdqHash centre = PdqHashes.random(random);
            for (int m = 0; m < 80; m++) {
                values.add(PdqHashes.flip(centre, random.nextInt(70), random));
            }
        }
        PdqIndex index = new PdqIndex();
        index.addAll(values);
        index.alwaysProbe = true;

        for (int radius = 0; radius <= 64; radius += 3) {
            List<PdqHash> queries = new ArrayList<>();
            List<List<Match>> expected = new ArrayList<>();
            for (int q = 0; q < 20; q++) {
                PdqHash query = PdqHashes.flip(values.get(random.nextInt(values.size())), random.nextInt(radius + 1), random);
                queries.add(query);
                expected.add(bruteForce(values, query, radius));
                assertThat(index.search(query, radius)).isEqualTo(expected.getLast());
            }
            assertThat(searchAll(index, queries, radius)).as("radius %d, as a batch", radius).isEqualTo(expected);
        }
    }

    /**
     * Batches are kept from one {@code searchAll} to the next; one whose search broke off half way (a
     * null query, a sink that threw) must carry nothing into the next search, at another radius.
     */
    @Test
    void aBatchSearchThatBrokeOffLeavesNothingBehind() {
        Random random = new Random(5);
        List<PdqHash> values = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            values.add(i % 2 == 0 ? PdqHashes.random(random) : PdqHashes.flip(values.get(i - 1), random.nextInt(30), random));
        }
        PdqIndex index = new PdqIndex();
        index.addAll(values);
        index.alwaysProbe = true;
        List<PdqHash> queries = new ArrayList<>();
        for (int q = 0; q < 200; q++) {
            queries.add(PdqHashes.flip(values.get(random.nextInt(values.size())), random.nextInt(20), random));
        }

        List<PdqHash> withNull = new ArrayList<>(queries);
        withNull.set(150, null);
        assertThatThrownBy(() -> searchAll(index, withNull, 40)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> index.searchAll(queries, 40, (q, matches) -> {
            if (q == 7) {
                throw new IllegalStateException("the sink gave up");
            }
        })).hasMessage("the sink gave up");

        for (int radius : new int[] {10, 31}) {
            List<List<Match>> expected = queries.stream().map(q -> bruteForce(values, q, radius)).toList();
            assertThat(searchAll(index, queries, radius)).as("radius %d", radius).isEqualTo(expected);
        }
    }

    private static List<List<Match>> searchAll(PdqIndex index, List<PdqHash> queries, int radius) {
        List<List<Match>> results = new ArrayList<>();
        index.searchAll(queries, radius, (query, matches) -> results.add(matches));
        return results;
    }

    /**
     * The hardest neighbours for multi-index hashing: the differing bits spread as evenly as possible over
     * the substrings, so that no substring is closer than the pigeonhole bound promises. Random flips
     * almost never do this, and a bound off by one would pass them.
     */
    @Test
    void findsNeighboursWhoseDifferencesAreSpreadOverEverySubstring() {
        Random random = new Random(14);
        List<PdqHash> values = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            values.add(PdqHashes.random(random));
        }
        PdqIndex index = new PdqIndex();
        index.addAll(values);
        index.alwaysProbe = true;

        for (int radius = 0; radius <= 64; radius++) {
            List<PdqHash> queries = new ArrayList<>();
            List<Integer> targets = new ArrayList<>();
            int[] budgets = Substrings.budgets(radius);
            for (int q = 0; q < 10; q++) {
                int target = random.nextInt(values.size());
                int[] flips = new int[Substrings.COUNT];
                if (q % 2 == 0) {
                    // evenly: radius / 11 bits in each substring, one more in the first radius % 11
                    for (int t = 0; t < Substrings.COUNT; t++) {
                        flips[t] = radius / Substrings.COUNT + (t < radius % Substrings.COUNT ? 1 : 0);
                    }
                } else {
                    // against the budgets: one bit over budget everywhere but in one substring, exactly at it there
                    int within;
                    do {
                        within = random.nextInt(Substrings.COUNT);
                    } while (budgets[within] < 0);
                    for (int t = 0; t < Substrings.COUNT; t++) {
                        flips[t] = t == within ? budgets[t] : budgets[t] + 1;
                    }
                }
                PdqHash query = spread(values.get(target), flips, random);
                assertThat(query.distance(values.get(target))).isEqualTo(radius);
                assertThat(index.search(query, radius)).as("radius %d", radius).contains(new Match(target, radius));
                queries.add(query);
                targets.add(target);
            }
            List<List<Match>> batch = searchAll(index, queries, radius);
            for (int q = 0; q < queries.size(); q++) {
                assertThat(batch.get(q)).as("radius %d, as a batch", radius).contains(new Match(targets.get(q), radius));
            }
        }
    }

    /** The hash with {@code flips[t]} bits flipped in substring t. */
    private static PdqHash spread(PdqHash hash, int[] flipsBySubstring, Random random) {
        long[] w = {hash.w0(), hash.w1(), hash.w2(), hash.w3()};
        for (int t = 0; t < Substrings.COUNT; t++) {
            int flips = flipsBySubstring[t];
            int[] positions = random.ints(0, Substrings.LENGTH[t]).distinct().limit(flips).toArray();
            for (int p : positions) {
                int bit = Substrings.START[t] + p;
                w[bit >>> 6] ^= 1L << bit;
            }
        }
        return new PdqHash(w[0], w[1], w[2], w[3]);
    }

    /**
     * Real photos' hashes are not uniform: the reference photos, their edits and their rotations, with
     * planted neighbours, so that substrings repeat and keys fill unevenly.
     */
    @Test
    void exactOnHashesOfRealPhotos() {
        List<PdqHash> photos = new ArrayList<>();
        for (String[] row : ReferenceData.tsv(ReferenceData.pdq().resolve("expected-pdq.tsv"))) {
            photos.add(PdqHash.parse(row[1]));
        }
        for (String[] row : ReferenceData.tsv(ReferenceData.pdq().resolve("expected-pdq-dihedral.tsv"))) {
            for (int i = 1; i < row.length; i++) {
                if (row[i].length() == PdqHash.HEX_LENGTH) {
                    photos.add(PdqHash.parse(row[i]));
                }
            }
        }
        assertThat(photos).hasSizeGreaterThan(100);
        Random random = new Random(12);
        List<PdqHash> values = new ArrayList<>(photos);
        while (values.size() < 60_000) {
            values.add(PdqHashes.flip(photos.get(random.nextInt(photos.size())), random.nextInt(48), random));
        }
        PdqIndex index = new PdqIndex();
        index.addAll(values);

        for (PdqHash photo : photos) {
            for (int radius : new int[] {0, 16, 31}) {
                assertThat(index.search(photo, radius)).isEqualTo(bruteForce(values, photo, radius));
            }
        }
    }

    @Test
    void addingOneByOneBuildsFewSegments() {
        Random random = new Random(13);
        PdqIndex index = new PdqIndex();
        for (int i = 0; i < 10 * PdqIndex.TAIL_LIMIT + 5; i++) {
            index.add(PdqHashes.random(random));
        }
        assertThat(index.segmentCount()).isBetween(1, 4);
    }

    @Test
    void aBulkAdditionFindsWhatAddAllFindsAndShowsNothingBeforeItCloses() {
        Random random = new Random(14);
        PdqIndex index = new PdqIndex();
        index.add(PdqHashes.random(random)); // ids continue after what the index holds
        List<PdqHash> values = new ArrayList<>();
        values.add(index.get(0));
        for (int i = 0; i < HashStore.CHUNK + 500; i++) {
            values.add(i % 10 == 0 ? PdqHashes.flip(values.get(random.nextInt(values.size())), random.nextInt(32), random)
                    : PdqHashes.random(random));
        }
        PdqIndex.Bulk bulk = index.bulk();
        int many = 1000; // the last ones at once, across the end of the store's first chunk
        for (int i = 1; i < values.size() - many; i++) {
            PdqHash h = values.get(i);
            assertThat(bulk.add(h.w0(), h.w1(), h.w2(), h.w3())).isEqualTo(i);
        }
        long[] words = new long[4 * many];
        for (int i = 0; i < many; i++) {
            PdqHash h = values.get(values.size() - many + i);
            words[4 * i] = h.w0();
            words[4 * i + 1] = h.w1();
            words[4 * i + 2] = h.w2();
            words[4 * i + 3] = h.w3();
        }
        assertThat(bulk.add(words, 0, many)).isEqualTo(values.size() - many);
        assertThat(bulk.first()).isEqualTo(1);
        assertThat(index.size()).isEqualTo(1);
        assertThat(index.search(values.get(5), 0)).isEmpty();
        assertThatThrownBy(() -> index.add(values.get(5))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(index::bulk).isInstanceOf(IllegalStateException.class);

        bulk.close();
        bulk.close();

        assertThat(index.size()).isEqualTo(values.size());
        assertThat(index.get(5)).isEqualTo(values.get(5));
        assertThat(index.segmentCount()).isEqualTo(1);
        for (int q = 0; q < 200; q++) {
            PdqHash query = PdqHashes.flip(values.get(random.nextInt(values.size())), random.nextInt(40), random);
            assertThat(index.search(query, 31)).isEqualTo(bruteForce(values, query, 31));
        }
        assertThatThrownBy(() -> bulk.add(1, 2, 3, 4)).isInstanceOf(IllegalStateException.class);
        assertThat(index.add(values.get(5))).as("other writers are welcome again").isEqualTo(values.size());
    }

    private static List<Match> bruteForce(List<PdqHash> values, PdqHash query, int radius) {
        List<Match> matches = new ArrayList<>();
        for (int id = 0; id < values.size(); id++) {
            int d = values.get(id).distance(query);
            if (d <= radius) {
                matches.add(new Match(id, d));
            }
        }
        matches.sort(null);
        return matches;
    }
}
