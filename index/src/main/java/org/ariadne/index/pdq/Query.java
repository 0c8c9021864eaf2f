package org.ariadne.index.pdq;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ariadne.index.Match;
import org.ariadne.index.Removals;

/** One search: the query, its radius, and the matches found so far. */
final class Query {

    private final long q0;
    private final long q1;
    private final long q2;
    private final long q3;
    final int radius;
    /** Every match differs from the query in some substring t by at most {@code budgets[t]} bits. */
    final int[] budgets;
    final int[] keys = new int[Substrings.COUNT];
    private final HashStore.Snapshot store;
    private final Removals removals;
    /** Scratch for {@link Segment}: keys to look up, where their ids lie, candidates found. */
    private final int[][] variantKeys = new int[Substrings.COUNT][];
    final int[] starts = new int[Segment.BLOCK];
    final int[] counts = new int[Segment.BLOCK];
    private int[] candidates = new int[256];
    /** A candidate's words XORed with the query's. */
    private final long[] xor = new long[4];
    private int candidateCount;
    /** Folds the values read only to bring them into the cache, so that the reads are not optimised away. */
    int sink;
    private int[] ids = new int[8];
    private int[] distances = new int[8];
    private int found;

    Query(long[] words, int radius, HashStore.Snapshot store, Removals removals) {
        this.q0 = words[0];
        this.q1 = words[1];
        this.q2 = words[2];
        this.q3 = words[3];
        this.radius = radius;
        this.budgets = Substrings.budgets(radius);
        this.store = store;
        this.removals = removals;
        for (int t = 0; t < Substrings.COUNT; t++) {
            keys[t] = Substrings.key(words, 0, t);
        }
    }

    int[] variants(int table) {
        int[] keys = variantKeys[table];
        if (keys == null) {
            keys = new int[(int) Substrings.ballSize(Substrings.LENGTH[table], budgets[table])];
            variantKeys[table] = keys;
        }
        return keys;
    }

    void clearCandidates() {
        candidateCount = 0;
    }

    void candidate(int id) {
        if (candidateCount == candidates.length) {
            candidates = java.util.Arrays.copyOf(candidates, candidateCount * 2);
        }
        candidates[candidateCount++] = id;
    }

    /** Checks the candidates gathered through table {@code table} keyed by {@code keys}, reading all their hashes first. */
    void offerCandidates(int table, TableKeys keys) {
        long touched = 0;
        for (int c = 0; c < candidateCount; c++) {
            int id = candidates[c];
            touched += store.chunk(id)[HashStore.offset(id)];
        }
        sink += (int) touched;
        for (int c = 0; c < candidateCount; c++) {
            offer(candidates[c], table, keys);
        }
    }

    /**
     * A candidate found through table {@code table}. A match may be within budget in several tables and
     * so be found several times; it is kept only from the first of them.
     */
    private void offer(int id, int table, TableKeys keys) {
        long[] chunk = store.chunk(id);
        int at = HashStore.offset(id);
        long[] x = xor;
        x[0] = chunk[at] ^ q0;
        x[1] = chunk[at + 1] ^ q1;
        x[2] = chunk[at + 2] ^ q2;
        x[3] = chunk[at + 3] ^ q3;
        int d = Long.bitCount(x[0]) + Long.bitCount(x[1]) + Long.bitCount(x[2]) + Long.bitCount(x[3]);
        if (d <= radius && !keys.foundBefore(x, table, budgets) && !removals.contains(id)) {
            add(id, d);
        }
    }

    /** Checks every id from {@code from} to {@code to - 1} directly. */
    void scan(int from, int to) {
        for (int id = from; id < to; id++) {
            int d = distance(store.chunk(id), HashStore.offset(id));
            if (d <= radius && !removals.contains(id)) {
                add(id, d);
            }
        }
    }

    private int distance(long[] chunk, int at) {
        return Long.bitCount(chunk[at] ^ q0) + Long.bitCount(chunk[at + 1] ^ q1)
                + Long.bitCount(chunk[at + 2] ^ q2) + Long.bitCount(chunk[at + 3] ^ q3);
    }

    private void add(int id, int distance) {
        if (found == ids.length) {
            ids = java.util.Arrays.copyOf(ids, found * 2);
            distances = java.util.Arrays.copyOf(distances, found * 2);
        }
        ids[found] = id;
        distances[found] = distance;
        found++;
    }

    List<Match> results() {
        List<Match> matches = new ArrayList<>(found);
        for (int i = 0; i < found; i++) {
            matches.add(new Match(ids[i], distances[i]));
        }
        Collections.sort(matches);
        return matches;
    }
}
