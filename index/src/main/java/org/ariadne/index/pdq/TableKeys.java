package org.ariadne.index.pdq;

/**
 * The keys a segment's tables use: each substring's bits, less its lowest ones in a segment too small to
 * need them all. A table of a 24-bit substring for 40,000 ids would otherwise spend most of its memory
 * on sixteen million empty keys; with a key about one bit longer than the ids, half its keys or more are
 * empty at any size, and the bits dropped only add chance candidates, which the check of the whole hash
 * removes. A search is exact all the same: two keys that differ in at most b bits still do when shortened.
 */
final class TableKeys {

    /** Keys at least as long as a table takes. */
    static final int MIN_BITS = KeyTable.MIN_KEY_BITS;

    /** Bits of each key. */
    final int[] bits = new int[Substrings.COUNT];
    /** Low bits of each substring the key leaves out. */
    final int[] dropped = new int[Substrings.COUNT];
    /** Each key's bits in a hash: those of word {@code lowWord[t]} under {@code lowMask[t]}, and of {@code highWord[t]} under {@code highMask[t]}. */
    private final int[] lowWord = new int[Substrings.COUNT];
    private final int[] highWord = new int[Substrings.COUNT];
    private final long[] lowMask = new long[Substrings.COUNT];
    private final long[] highMask = new long[Substrings.COUNT];

    /** The keys of a segment of ids of {@code idBits} bits. */
    TableKeys(int idBits) {
        for (int t = 0; t < Substrings.COUNT; t++) {
            bits[t] = Math.min(Substrings.LENGTH[t], Math.max(MIN_BITS, idBits + 1));
            dropped[t] = Substrings.LENGTH[t] - bits[t];
            long[] kept = new long[4];
            for (int bit = Substrings.START[t] + dropped[t]; bit < Substrings.START[t] + Substrings.LENGTH[t]; bit++) {
                kept[bit >>> 6] |= 1L << bit;
            }
            lowWord[t] = Substrings.lowWord(t);
            highWord[t] = Substrings.highWord(t);
            lowMask[t] = kept[lowWord[t]];
            highMask[t] = highWord[t] != lowWord[t] ? kept[highWord[t]] : 0;
        }
    }

    /** The key in table {@code t} of the hash held in {@code words[at..at+3]}. */
    int key(long[] words, int at, int t) {
        return Substrings.key(words, at, t) >>> dropped[t];
    }

    /**
     * In how many bits the keys of two hashes differ in table {@code t}, given the hashes' words XORed:
     * two masked counts, where extracting both keys would take shifts and a second hash.
     */
    int differing(long[] xor, int t) {
        return Long.bitCount(xor[lowWord[t]] & lowMask[t]) + Long.bitCount(xor[highWord[t]] & highMask[t]);
    }

    /**
     * Whether a match lies within budget in a table before {@code table}: it was then found through that
     * earlier table, which keeps it, so that a search reports each match once.
     */
    boolean foundBefore(long[] xor, int table, int[] budgets) {
        for (int t = 0; t < table; t++) {
            if (differing(xor, t) <= budgets[t]) {
                return true;
            }
        }
        return false;
    }
}
