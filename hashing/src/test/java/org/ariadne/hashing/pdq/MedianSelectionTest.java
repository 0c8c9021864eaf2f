package org.ariadne.hashing.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** PDQ's threshold is chosen by selection, not by a sort: both must give the same value. */
class MedianSelectionTest {

    @Test
    void everyRankEqualsTheSortedValueWithAndWithoutTies() {
        Random random = new Random(20261123);
        for (int round = 0; round < 2_000; round++) {
            float[] values = new float[1 + random.nextInt(300)];
            int distinct = 1 + random.nextInt(round % 2 == 0 ? 4 : 100_000); // many ties in half the rounds
            for (int i = 0; i < values.length; i++) {
                values[i] = (random.nextInt(distinct) - distinct / 2) * 0.37f;
            }
            float[] sorted = values.clone();
            Arrays.sort(sorted);
            int rank = random.nextInt(values.length);
            assertThat(PdqHasher.smallest(values.clone(), rank)).as("rank %d of %s", rank, Arrays.toString(values))
                    .isEqualTo(sorted[rank]);
        }
    }

    @Test
    void sortedAndReversedInputs() {
        float[] up = new float[256];
        for (int i = 0; i < up.length; i++) {
            up[i] = i;
        }
        float[] down = new float[256];
        for (int i = 0; i < down.length; i++) {
            down[i] = 255 - i;
        }
        assertThat(PdqHasher.smallest(up, 127)).isEqualTo(127f);
        assertThat(PdqHasher.smallest(down, 127)).isEqualTo(127f);
        assertThat(PdqHasher.smallest(new float[] {5f, 5f, 5f}, 1)).isEqualTo(5f);
    }
}
