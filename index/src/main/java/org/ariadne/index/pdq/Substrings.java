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
 * each) would need 272 lookups but find some 41,000 candidates, each a random memory access. The
 * memory goal (80 bytes a hash) would leave room for 13 tables of 3.6 bytes an id, but twelve already
 * need substrings so short (or budgets of 1 on 16 bits) that they find more candidates than they save.
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

    static {
        int at = 0;
        for (int t = 0; t < COUNT; t++) {
            LENGTH[t] = t < 6 ? 24 : t < 10 ? 23 : 20;
            START[t] = at;
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

    /** The word of a hash that holds substring {@code t}'s first bits. */
    static int lowWord(int t) {
        return START[t] >>> 6;
    }

    /** The word that holds the rest of substring {@code t}, if it does not fit one; the same word else. */
    static int highWord(int t) {
        return Math.min(3, (START[t] + LENGTH[t] - 1) >>> 6);
    }

    /**
     * Each substring's budget for a search at {@code radius}: the most bits in which it may differ for the
     * search to look it up, -1 where the substring need not be looked up at all. The budgets plus one sum
     * to {@code radius + 1}, spread evenly; the larger budgets go to the first substrings, so the one
     * left short at r = 31 is the last, of 20 bits, where a smaller budget saves the most candidates.
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
