package org.ariadne.hashing.pdq;

import java.util.HexFormat;
import java.util.Locale;

/**
 * A 256-bit PDQ hash, as four words.
 *
 * <p>{@code w0} holds the first 16 hex digits of the canonical form, {@code w3} the last. Bit {@code k}
 * of the hash (the {@code k}-th DCT coefficient, in the order PDQ defines) is bit {@code k % 64} of word
 * {@code 3 - k / 64}, so that the canonical hex is the 256-bit number written most significant digit
 * first, exactly as the reference implementations print it.
 */
public record PdqHash(long w0, long w1, long w2, long w3) {

    /** Length of the canonical form: 64 hex digits. */
    public static final int HEX_LENGTH = 64;

    /** Number of bits, and so the largest possible distance. */
    public static final int BITS = 256;

    /**
     * Parses 64 hex digits, either case, surrounding white space ignored.
     *
     * @throws IllegalArgumentException with the reason, for anything else
     */
    public static PdqHash parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("pdq: no value");
        }
        String hex = text.strip();
        if (hex.length() != HEX_LENGTH) {
            throw new IllegalArgumentException(
                    "pdq: expected " + HEX_LENGTH + " hex digits, got " + hex.length() + " characters");
        }
        for (int i = 0; i < HEX_LENGTH; i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                throw new IllegalArgumentException("pdq: not a hex digit at position " + (i + 1) + ": '" + hex.charAt(i) + "'");
            }
        }
        return new PdqHash(
                HexFormat.fromHexDigitsToLong(hex, 0, 16),
                HexFormat.fromHexDigitsToLong(hex, 16, 32),
                HexFormat.fromHexDigitsToLong(hex, 32, 48),
                HexFormat.fromHexDigitsToLong(hex, 48, 64));
    }

    /** Builds a hash from its bits; {@code bits[k]} is bit {@code k} as PDQ numbers them. */
    static PdqHash fromBits(boolean[] bits) {
        long[] words = new long[4];
        for (int k = 0; k < BITS; k++) {
            if (bits[k]) {
                words[3 - (k >>> 6)] |= 1L << (k & 63);
            }
        }
        return new PdqHash(words[0], words[1], words[2], words[3]);
    }

    /** Bit {@code k}, numbered as PDQ numbers them (0 is the last hex digit's lowest bit). */
    public boolean bit(int k) {
        if (k < 0 || k >= BITS) {
            throw new IndexOutOfBoundsException(k);
        }
        long word = switch (3 - (k >>> 6)) {
            case 0 -> w0;
            case 1 -> w1;
            case 2 -> w2;
            default -> w3;
        };
        return (word >>> (k & 63) & 1L) != 0;
    }

    /** Number of bits in which the two hashes differ, 0 to 256. */
    public int distance(PdqHash other) {
        return Long.bitCount(w0 ^ other.w0) + Long.bitCount(w1 ^ other.w1)
                + Long.bitCount(w2 ^ other.w2) + Long.bitCount(w3 ^ other.w3);
    }

    /** The canonical form: 64 lower-case hex digits. */
    public String hex() {
        HexFormat format = HexFormat.of();
        return format.toHexDigits(w0) + format.toHexDigits(w1) + format.toHexDigits(w2) + format.toHexDigits(w3);
    }

    @Override
    public String toString() {
        return hex().toLowerCase(Locale.ROOT);
    }
}
