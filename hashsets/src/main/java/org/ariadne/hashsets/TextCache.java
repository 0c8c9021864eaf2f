package org.ariadne.hashsets;

import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * Recent short texts by their bytes: category and series labels repeat across millions of entries, and
 * a reader that meets one again gets the same string, without making its bytes or hash code again (and
 * {@link Dictionary} then finds its code by identity). Longer texts (ids, comments) are not kept.
 */
final class TextCache {

    /** Texts up to this many bytes are kept. */
    private static final int CACHED_BYTES = 32;
    /**
     * Room for tens of thousands of distinct series names without evicting each other too often (a few
     * MB at most): 2^16 slots in sets of two.
     */
    private static final int BITS = 16;
    private static final int SLOTS = 1 << BITS;

    private final byte[][] keys = new byte[SLOTS][];
    private final String[] texts = new String[SLOTS];

    /** The text of {@code bytes[from..to)} in {@code charset}. */
    String text(byte[] bytes, int from, int to, Charset charset) {
        if (to - from > CACHED_BYTES) {
            return new String(bytes, from, to - from, charset);
        }
        int hash = to - from;
        for (int i = from; i < to; i++) {
            hash = (hash + bytes[i]) * 0x9E3779B9;
        }
        int slot = (hash >>> (Integer.SIZE - BITS)) & ~1; // two ways a set: slot and slot + 1
        if (same(keys[slot], bytes, from, to)) {
            return texts[slot];
        }
        if (same(keys[slot + 1], bytes, from, to)) {
            return texts[slot + 1];
        }
        String text = new String(bytes, from, to - from, charset); // the newest goes first, the one it displaces second
        keys[slot + 1] = keys[slot];
        texts[slot + 1] = texts[slot];
        keys[slot] = Arrays.copyOfRange(bytes, from, to);
        texts[slot] = text;
        return text;
    }

    /** A plain loop: the texts are a few bytes, too short for {@code Arrays.equals} to pay for its setup. */
    private static boolean same(byte[] key, byte[] bytes, int from, int to) {
        if (key == null || key.length != to - from) {
            return false;
        }
        for (int i = 0; i < key.length; i++) {
            if (key[i] != bytes[from + i]) {
                return false;
            }
        }
        return true;
    }
}
