package org.ariadne.hashsets;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Hex digits straight from the bytes or characters a reader holds, with no string made on the way: a
 * hash set of ten million entries holds thirty million hashes. Either case is accepted; anything else
 * makes a decode fail, and the reader then takes the slow path that says what is wrong.
 */
final class Hex {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /** Each character's digit value, or -1 for one that is no hex digit. */
    private static final byte[] VALUES = new byte[256];

    static {
        Arrays.fill(VALUES, (byte) -1);
        for (int d = 0; d < 10; d++) {
            VALUES['0' + d] = (byte) d;
        }
        for (int d = 0; d < 6; d++) {
            VALUES['a' + d] = (byte) (10 + d);
            VALUES['A' + d] = (byte) (10 + d);
        }
    }

    private Hex() {
    }

    /**
     * Decodes {@code 2 * out.length} digits of {@code text} from {@code from} into {@code out} (a multiple
     * of 4 bytes), eight digits at a time; false if one is no digit.
     */
    static boolean decode(byte[] text, int from, byte[] out) {
        for (int i = 0; i < out.length; i += 4) {
            long value = eight((long) LONGS.get(text, from + 2 * i));
            if (value < 0) {
                return false;
            }
            INTS.set(out, i, (int) value);
        }
        return true;
    }

    /** As {@link #decode(byte[], int, byte[])}, from characters. */
    static boolean decode(CharSequence text, int from, byte[] out) {
        int bad = 0;
        for (int i = 0; i < out.length; i++) {
            int high = digit(text.charAt(from + 2 * i));
            int low = digit(text.charAt(from + 2 * i + 1));
            bad |= high | low;
            out[i] = (byte) (high << 4 | low);
        }
        return bad >= 0;
    }

    /**
     * Decodes 64 digits of {@code text} from {@code from} into {@code words} (16 digits a word, the first
     * word first, as {@link org.ariadne.hashing.pdq.PdqHash} holds them); false if one is no digit.
     */
    static boolean decodeWords(byte[] text, int from, long[] words) {
        for (int w = 0; w < words.length; w++) {
            long high = eight((long) LONGS.get(text, from + 16 * w));
            long low = eight((long) LONGS.get(text, from + 16 * w + 8));
            if ((high | low) < 0) {
                return false;
            }
            words[w] = high << 32 | low;
        }
        return true;
    }

    /**
     * Eight ASCII hex digits, the bytes of a little-endian {@code word} (the first digit in its lowest
     * byte), as their 32-bit value; -1 if one of them is no hex digit. Each byte is checked and converted
     * at once (SWAR), a quarter of the work of converting digit by digit.
     */
    static long eight(long word) {
        long lower = word | 0x2020202020202020L; // 'A'-'F' as 'a'-'f'; digits keep that bit set already
        long good = between(word, '0', '9') | between(lower, 'a', 'f');
        if ((word & HIGHS) != 0 || good != HIGHS) {
            return -1;
        }
        // digit value of each byte: its low four bits, plus 9 for a letter (bit 6 set)
        long nibbles = (word & 0x0F0F0F0F0F0F0F0FL) + (word >>> 6 & 0x0101010101010101L) * 9;
        long bytes = (nibbles & 0x000F000F000F000FL) << 4 | nibbles >>> 8 & 0x000F000F000F000FL;
        long pairs = (bytes & 0x000000FF000000FFL) << 8 | bytes >>> 16 & 0x000000FF000000FFL;
        return (pairs & 0xFFFFL) << 16 | pairs >>> 32 & 0xFFFFL;
    }

    /** The high bit of each byte of {@code word} from {@code low} to {@code high}; bytes must be below 0x80. */
    private static long between(long word, int low, int high) {
        return (word + ONES * (0x80 - low)) & ~(word + ONES * (0x7F - high)) & HIGHS;
    }

    /** As {@link #decodeWords(byte[], int, long[])}, from characters. */
    static boolean decodeWords(CharSequence text, int from, long[] words) {
        long bad = 0;
        for (int w = 0; w < words.length; w++) {
            long word = 0;
            for (int i = from + 16 * w, end = i + 16; i < end; i++) {
                int digit = digit(text.charAt(i));
                bad |= digit;
                word = word << 4 | digit & 0xf;
            }
            words[w] = word;
        }
        return bad >= 0;
    }

    private static int digit(char c) {
        return c < 256 ? VALUES[c] : -1;
    }
}
