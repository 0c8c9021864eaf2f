package org.ariadne.index.pdq;

/**
 * The split of a 256-bit hash into 11 disjoint substrings (six of 24 bits, four of 23, one of 20) that
 * the multi-index tables are keyed by.
 *
 * <p>Why 11: a search gives substring t a budget b_t with the budgets' sum plus 11 above r; then two
 * hashes within distance r differ by at most b_t bits in some substring t (if each differed by more,
 * the total would exceed r). At r = 31 ten substrings get 2 bits and the last 1, so a search looks up
 * each key and its 276 or 300 neighbours within 2 bits (20 in the last): about 2,900 keys, which at
 * 10 million entries find about 2,600 chance candidates to check. Sixteen 16-bit substrings (1 bit
 * each) would need 272 lookups but find some 41,000 candidates, each a random memory access; more
 * substrings also mean more tables, and the memory goal (80 bytes a hash) leaves room for 11.
 *
 * <p>Why those lengths: a substring of L bits searched within 2 bits finds about N(1 + L + L(L-1)/2)/2^L
 * chance candidates (180 at L = 24, 330 at 23, at N = 10 million), within 1 bit N(1 + L)/2^L (200 at
 * L = 20, 29 at 23). So the bits are better spent on the ten substrings searched within 2 bits than on
 * the last, searched within 1: 2,600 candidates a search instead of 2,900 with lengths 24 x 3, 23 x 8.
 */
final class Substrings {

    static final int COUNT = 11;
    /** First bit of each substring, in the order of {@code words}: bit p is bit p % 64 of word p / 64. */
    static final int[] START = new int[COUNT];
    static final int[] LENGTH = new int[COUNT];
    /**
     * Substring t's bits in a hash's words: those of word {@code LOW_WORD[t]} under {@code LOW_MASK[t]},
     * and of word {@code HIGH_WORD[t]} under {@code HIGH_MASK[t]} (0 if the substring fits one word).
     */
    private static final int[] LOW_WORD = new int[COUNT];
    private static final int[] HIGH_WORD = new int[COUNT];
    private static final long[] LOW_MASK = new long[COUNT];
    private static final long[] HIGH_MASK = new long[COUNT];

    static {
        int at = 0;
        for (int t = 0; t < COUNT; t++) {
            LENGTH[t] = t < 6 ? 24 : t < 10 ? 23 : 20;
            START[t] = at;
            int shift = at & 63;
            LOW_WORD[t] = at >>> 6;
            LOW_MASK[t] = (shift + LENGTH[t] >= 64 ? -1L : (1L << (shift + LENGTH[t])) - 1) & (-1L << shift);
            HIGH_WORD[t] = Math.min(3, LOW_WORD[t] + 1);
            HIGH_MASK[t] = shift + LENGTH[t] > 64 ? (1L << (shift + LENGTH[t] - 64)) - 1 : 0;
            at += LENGTH[t];
        }
        if (at != 256) {
            throw new AssertionError("substrings cover " + at + " bits");
        }
    }

    private Substrings() {
    }

    /** The key of substring {@code t} of the hash held in {@code words[at..at+3]}. */
    static int key(long[] words, int at, int t) {
        int start = START[t];
        int word = start >>> 6;
        int shift = start & 63;
        long bits = words[at + word] >>> shift;
        if (shift + LENGTH[t] > 64) {
            bits |= words[at + word + 1] << (64 - shift);
        }
        return (int) (bits & ((1L << LENGTH[t]) - 1));
    }

    /**
     * In how many bits substring {@code t} of two hashes differs, given the hashes' words XORed: two
     * masked counts, where extracting both keys would take shifts and a second hash.
     */
    static int differing(long[] xor, int t) {
        return Long.bitCount(xor[LOW_WORD[t]] & LOW_MASK[t]) + Long.bitCount(xor[HIGH_WORD[t]] & HIGH_MASK[t]);
    }

    /**
     * Whether a match lies within budget in a substring before {@code table}: it was then found through
     * that earlier table, which keeps it, so that a search reports each match once.
     */
    static boolean foundBefore(long[] xor, int table, int[] budgets) {
        for (int t = 0; t < table; t++) {
            if (differing(xor, t) <= budgets[t]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Each substring's budget for a search at {@code radius}: the most bits in which it may differ for the
     * search to look it up, -1 where the substring need not be looked up at all. The budgets plus one sum
     * to {@code radius + 1}, spread evenly; the larger budgets go to the first substrings, so the one
     * left short at r = 31 is one of 23 bits, where a smaller budget saves the most candidates.
     */
    static int[] budgets(int radius) {
        int units = radius + 1;
        int[] budgets = new int[COUNT];
        for (int t = 0; t < COUNT; t++) {
            budgets[t] = units / COUNT - 1 + (t < units % COUNT ? 1 : 0);
        }
        return budgets;
    }

    /** Lookups a search with these budgets makes in each segment: every key within budget, every substring. */
    static long lookups(int[] budgets) {
        long lookups = 0;
        for (int t = 0; t < COUNT; t++) {
            lookups += ballSize(LENGTH[t], budgets[t]);
        }
        return lookups;
    }

    /** Number of keys within {@code radius} bits of a key of {@code length} bits. */
    static long ballSize(int length, int radius) {
        long total = 0;
        long choose = 1;
        if (radius < 0) {
            return 0;
        }
        for (int k = 0; k <= Math.min(radius, length); k++) {
            total += choose;
            choose = choose * (length - k) / (k + 1);
        }
        return total;
    }
}
