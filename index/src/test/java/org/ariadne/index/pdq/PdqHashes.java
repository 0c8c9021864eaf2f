package org.ariadne.index.pdq;

import java.util.Random;
import org.ariadne.hashing.pdq.PdqHash;

/** Seeded test hashes: uniform ones, and ones at an exact distance from another. */
final class PdqHashes {

    private PdqHashes() {
    }

    static PdqHash random(Random random) {
        return new PdqHash(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
    }

    /** The hash with {@code distance} distinct bits flipped, chosen at random. */
    static PdqHash flip(PdqHash hash, int distance, Random random) {
        long[] w = {hash.w0(), hash.w1(), hash.w2(), hash.w3()};
        int[] bits = random.ints(0, PdqHash.BITS).distinct().limit(distance).toArray();
        for (int bit : bits) {
            w[bit >>> 6] ^= 1L << bit;
        }
        return new PdqHash(w[0], w[1], w[2], w[3]);
    }
}
