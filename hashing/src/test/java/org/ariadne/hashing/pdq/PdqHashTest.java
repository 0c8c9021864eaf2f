package org.ariadne.hashing.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PdqHashTest {

    private static final String BRIDGE = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";

    @Test
    void bitZeroIsTheLowestBitOfTheLastHexDigit() {
        // The reference sets bit k in 16-bit word k / 16 and prints the words from the 16th down.
        PdqHash hash = PdqHash.parse(BRIDGE);
        assertThat(hash.bit(0)).isFalse();   // last digit 2 = 0010
        assertThat(hash.bit(1)).isTrue();
        assertThat(hash.bit(255)).isTrue();  // first digit f
        assertThat(hash.bit(252)).isTrue();
        assertThat(hash.bit(251)).isTrue();  // second digit 8 = 1000
        assertThat(hash.bit(250)).isFalse();
    }

    @Test
    void fromBitsIsTheInverseOfBit() {
        PdqHash hash = PdqHash.parse(BRIDGE);
        boolean[] bits = new boolean[256];
        for (int k = 0; k < 256; k++) {
            bits[k] = hash.bit(k);
        }
        assertThat(PdqHash.fromBits(bits)).isEqualTo(hash);
    }

    @Test
    void distanceCountsDifferingBits() {
        PdqHash zero = PdqHash.parse("0".repeat(64));
        assertThat(zero.distance(PdqHash.parse("f".repeat(64)))).isEqualTo(256);
        assertThat(zero.distance(PdqHash.parse("0".repeat(63) + "7"))).isEqualTo(3);
        assertThat(PdqHash.parse(BRIDGE).distance(PdqHash.parse(BRIDGE.toUpperCase()))).isZero();
    }
}
