package org.ariadne.hashing.crypto;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A cryptographic hash value, held in its canonical form: lower-case hex of the right length.
 * Equal values are equal records, whichever case they were read in.
 */
public record CryptoHash(CryptoAlgorithm algorithm, String hex) {

    public CryptoHash {
        Objects.requireNonNull(algorithm, "algorithm");
        hex = canonical(algorithm, hex);
    }

    public static CryptoHash of(CryptoAlgorithm algorithm, byte[] digest) {
        if (digest.length != algorithm.bytes()) {
            throw new IllegalArgumentException(algorithm.signalName() + ": expected " + algorithm.bytes()
                    + " bytes, got " + digest.length);
        }
        return new CryptoHash(algorithm, HexFormat.of().formatHex(digest));
    }

    /** The digest's bytes (a fresh copy). */
    public byte[] bytes() {
        return HexFormat.of().parseHex(hex);
    }

    private static String canonical(CryptoAlgorithm algorithm, String text) {
        String name = algorithm.signalName();
        if (text == null) {
            throw new IllegalArgumentException(name + ": no value");
        }
        String hex = text.strip();
        if (hex.length() != algorithm.hexLength()) {
            throw new IllegalArgumentException(
                    name + ": expected " + algorithm.hexLength() + " hex digits, got " + hex.length() + " characters");
        }
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                throw new IllegalArgumentException(
                        name + ": not a hex digit at position " + (i + 1) + ": '" + hex.charAt(i) + "'");
            }
        }
        return hex.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return algorithm.signalName() + ":" + hex;
    }
}
