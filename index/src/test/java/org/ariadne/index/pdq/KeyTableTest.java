package org.ariadne.index.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A table's lookups against the keys it was built from, at the key lengths of a full segment. */
class KeyTableTest {

    @Test
    void everyKeyFindsExactlyItsIdsInOrder() {
        // about 12 ids a key (blocks of 2 keys), 1 (blocks of 16) and 0.01 (blocks of 64)
        for (int[] shape : new int[][] {{14, 200_000}, {20, 1_000_000}, {24, 200_000}}) {
            int keyBits = shape[0];
            int size = shape[1];
            Random random = new Random(keyBits);
            int[] keys = new int[size];
            int crowded = random.nextInt(1 << keyBits);
            for (int i = 0; i < size; i++) {
                // a tenth under one key (a run of ones longer than a word), the rest anywhere, some neighbours
                keys[i] = i % 10 == 0 ? crowded : i % 10 == 1 ? keys[i - 1] ^ 1 : random.nextInt(1 << keyBits);
            }
            KeyTable table = KeyTable.build(keys, size, keyBits, new long[size]);

            // what each key should find: its ids, ascending, after those of every smaller key
            int[] starts = new int[(1 << keyBits) + 1];
            for (int key : keys) {
                starts[key + 1]++;
            }
            Arrays.parallelPrefix(starts, Integer::sum);
            int[] byKey = new int[size];
            int[] fill = starts.clone();
            for (int i = 0; i < size; i++) {
                byKey[fill[keys[i]]++] = i;
            }
            for (int k = 0; k < 1 << keyBits; k++) {
                long found = table.find(k);
                int start = (int) (found >>> Integer.SIZE);
                int count = (int) found;
                assertThat(start).as("key %d of %d bits", k, keyBits).isEqualTo(starts[k]);
                assertThat(count).as("key %d of %d bits", k, keyBits).isEqualTo(starts[k + 1] - starts[k]);
            }
            for (int i = 0; i < size; i++) {
                assertThat(table.id(i)).as("place %d of %d bits", i, keyBits).isEqualTo(byKey[i]);
            }
            assertThat(table.find(crowded) & Integer.MAX_VALUE).isGreaterThanOrEqualTo(size / 10);
        }
    }

    @Test
    void idsUseAllTheirThreeBytes() {
        int size = 1 << 24;
        int[] keys = new int[size];
        for (int i = 0; i < size; i++) {
            keys[i] = (size - 1 - i) >>> 4; // the last ids first
        }
        KeyTable table = KeyTable.build(keys, size, 20, new long[size]);
        assertThat(table.id(0)).isEqualTo(size - 16);
        assertThat(table.id(size - 1)).isEqualTo(15);
        long last = table.find((1 << 20) - 1);
        assertThat(last).isEqualTo((long) (size - 16) << Integer.SIZE | 16); // the last key: the last 16 places
    }
}
