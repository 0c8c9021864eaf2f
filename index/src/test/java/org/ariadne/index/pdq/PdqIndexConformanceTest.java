package org.ariadne.index.pdq;

import java.util.Random;
import org.ariadne.hashing.SignalType;
import org.ariadne.hashing.SignalTypes;
import org.ariadne.hashing.pdq.PdqHash;
import org.ariadne.index.testing.SignalIndexConformanceTest;

class PdqIndexConformanceTest extends SignalIndexConformanceTest<PdqHash> {

    @Override
    protected SignalType<PdqHash> type() {
        return SignalTypes.forName("pdq", PdqHash.class);
    }

    @Override
    protected PdqHash random(Random random) {
        return PdqHashes.random(random);
    }

    @Override
    protected PdqHash near(PdqHash value, int distance, Random random) {
        return PdqHashes.flip(value, distance, random);
    }

    @Override
    protected int[] radii() {
        return new int[] {0, 1, 10, 21, 22, 31, 32, 44, 64};
    }
}
