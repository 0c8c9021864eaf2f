package org.ariadne.index.exact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ariadne.hashing.SignalType;
import org.ariadne.hashing.SignalTypes;
import org.ariadne.hashing.crypto.CryptoAlgorithm;
import org.ariadne.hashing.crypto.CryptoHash;
import org.ariadne.index.SignalIndex;
import org.ariadne.index.testing.SignalIndexConformanceTest;
import org.junit.jupiter.api.Test;

/** The conformance suite for an exact index, plus its memory bound; one subclass per algorithm. */
abstract class ExactHashConformance extends SignalIndexConformanceTest<CryptoHash> {

    private final CryptoAlgorithm algorithm;

    ExactHashConformance(CryptoAlgorithm algorithm) {
        this.algorithm = algorithm;
    }

    @Override
    protected SignalType<CryptoHash> type() {
        return SignalTypes.forName(algorithm.signalName(), CryptoHash.class);
    }

    @Override
    protected CryptoHash random(Random random) {
        byte[] bytes = new byte[algorithm.bytes()];
        random.nextBytes(bytes);
        return CryptoHash.of(algorithm, bytes);
    }

    /** Exact hashes have no near values: a cluster is the same value over and over (duplicates). */
    @Override
    protected CryptoHash near(CryptoHash value, int distance, Random random) {
        return value;
    }

    @Override
    protected int[] radii() {
        return new int[] {0};
    }

    @Test
    void aRadiusOfOneFindsEveryEntryAsTheSignalTypeSays() {
        Random random = new Random(31);
        SignalIndex<CryptoHash> index = newIndex();
        List<CryptoHash> values = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            values.add(random(random));
        }
        index.addAll(values);
        assertThat(index.search(values.get(10), 1)).hasSize(3000).first().extracting("distance").isEqualTo(0);
    }

    @Test
    void holdsAMillionEntriesInAtMost130PercentOfTheirBytes() {
        Random random = new Random(32);
        List<CryptoHash> values = new ArrayList<>();
        for (int i = 0; i < 1 << 20; i++) {
            values.add(random(random));
        }
        SignalIndex<CryptoHash> index = newIndex();
        index.addAll(values);
        assertThat((double) index.memoryBytes() / ((long) values.size() * algorithm.bytes())).isLessThanOrEqualTo(1.3);
        assertThat(index.search(values.get(123_456), 0)).extracting("id").containsExactly(123_456);
    }
}
