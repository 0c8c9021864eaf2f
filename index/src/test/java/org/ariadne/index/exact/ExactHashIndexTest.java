package org.ariadne.index.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.ariadne.hashing.crypto.CryptoAlgorithm;
import org.ariadne.hashing.crypto.CryptoHash;
import org.junit.jupiter.api.Test;

/** Bulk additions of raw keys and the search for duplicates, beyond what the conformance suite covers. */
class ExactHashIndexTest {

    private static final CryptoAlgorithm MD5 = CryptoAlgorithm.MD5;

    @Test
    void aBulkAdditionFindsWhatAddAllFindsAndShowsNothingBeforeItCloses() {
        Random random = new Random(41);
        ExactHashIndex index = new ExactHashIndex(MD5);
        List<CryptoHash> values = values(80_000, 50, random);
        index.add(values.getFirst());
        ExactHashIndex.Bulk bulk = index.bulk();
        byte[] packed = new byte[values.size() * 16];
        for (int i = 1; i < values.size(); i++) {
            System.arraycopy(values.get(i).bytes(), 0, packed, 16 * i, 16);
        }
        int many = 70_000 - 1; // more than a chunk of the store, from the middle of one: one by one, then many at once
        for (int i = 1; i < values.size() - many; i++) {
            assertThat(bulk.add(packed, 16 * i)).isEqualTo(i);
        }
        assertThat(bulk.add(packed, 16 * (values.size() - many), many)).isEqualTo(values.size() - many);
        assertThat(index.size()).isEqualTo(1);
        assertThat(index.search(values.get(3000), 0)).isEmpty();
        assertThat(index.search(values.get(75_000), 0)).isEmpty();
        assertThatThrownBy(() -> index.remove(0)).isInstanceOf(IllegalStateException.class);

        bulk.close();

        assertThat(index.size()).isEqualTo(values.size());
        assertThat(index.get(3000)).isEqualTo(values.get(3000));
        assertThat(index.get(75_000)).isEqualTo(values.get(75_000));
        for (CryptoHash value : values.subList(0, 300)) {
            assertThat(index.search(value, 0)).extracting("id")
                    .containsExactlyElementsOf(idsOf(values, value));
        }
        for (CryptoHash value : values.subList(values.size() - 300, values.size())) {
            assertThat(index.search(value, 0)).extracting("id")
                    .containsExactlyElementsOf(idsOf(values, value));
        }
    }

    @Test
    void duplicatesAreTheGroupsOfEqualKeysThatReachTheNewEntries() {
        Random random = new Random(42);
        List<CryptoHash> values = values(30_000, 20, random);
        ExactHashIndex index = new ExactHashIndex(MD5);
        // one by one (small merged runs and a tail), then two bulks: every way keys reach the index
        int oneByOne = 7_000;
        for (CryptoHash value : values.subList(0, oneByOne)) {
            index.add(value);
        }
        int secondBulk = 29_900; // a small last bulk: looked up in the larger runs, not walked
        for (int[] range : new int[][] {{oneByOne, secondBulk}, {secondBulk, values.size()}}) {
            try (ExactHashIndex.Bulk bulk = index.bulk()) {
                for (CryptoHash value : values.subList(range[0], range[1])) {
                    bulk.add(value.bytes(), 0);
                }
            }
        }
        index.remove(secondBulk + 3);

        for (int from : new int[] {0, oneByOne, secondBulk, values.size() - 10, values.size()}) {
            Set<List<Integer>> found = new HashSet<>();
            index.duplicates(from, (ids, count) -> {
                List<Integer> group = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    group.add(ids[i]);
                }
                assertThat(found.add(group)).as("each group once").isTrue();
            });
            assertThat(found).as("from %d", from).isEqualTo(expectedGroups(values, from, secondBulk + 3));
        }
    }

    /** Random keys, one in {@code repeatEvery} a repeat of an earlier one. */
    private static List<CryptoHash> values(int count, int repeatEvery, Random random) {
        List<CryptoHash> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (i > 0 && random.nextInt(repeatEvery) == 0) {
                values.add(values.get(random.nextInt(values.size())));
            } else {
                byte[] bytes = new byte[16];
                random.nextBytes(bytes);
                values.add(CryptoHash.of(MD5, bytes));
            }
        }
        return values;
    }

    private static List<Integer> idsOf(List<CryptoHash> values, CryptoHash value) {
        List<Integer> ids = new ArrayList<>();
        for (int id = 0; id < values.size(); id++) {
            if (values.get(id).equals(value)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static Set<List<Integer>> expectedGroups(List<CryptoHash> values, int from, int removed) {
        Map<CryptoHash, List<Integer>> byValue = new HashMap<>();
        for (int id = 0; id < values.size(); id++) {
            if (id != removed) {
                byValue.computeIfAbsent(values.get(id), v -> new ArrayList<>()).add(id);
            }
        }
        Set<List<Integer>> groups = new HashSet<>();
        for (List<Integer> ids : byValue.values()) {
            if (ids.size() > 1 && ids.getLast() >= from) {
                groups.add(ids);
            }
        }
        return groups;
    }
}
