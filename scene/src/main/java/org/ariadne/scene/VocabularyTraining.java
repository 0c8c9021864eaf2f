package org.ariadne.scene;

import java.util.Arrays;
import java.util.Random;

/**
 * Trains a {@link Vocabulary} by hierarchical k-majority clustering: binary descriptors split into
 * {@code branching} clusters around centres whose every bit is the majority vote of their members'
 * (the binary counterpart of k-means), then each cluster again, {@code depth} levels down.
 *
 * <p>Seeded, so the same descriptors always give the same vocabulary.
 */
public final class VocabularyTraining {

    /**
     * Rounds of assignment and majority vote per split. The assignment settles after a handful; more
     * rounds barely move a centre and cost time on hundreds of thousands of descriptors.
     */
    private static final int ROUNDS = 8;

    /** Stands for the members of a cluster nothing fell into. */
    private static final int EMPTY = -1;

    private final int branching;
    private final int depth;
    private final Random random;

    public VocabularyTraining(int branching, int depth, long seed) {
        this.branching = branching;
        this.depth = depth;
        this.random = new Random(seed);
    }

    /**
     * The vocabulary of these descriptors, four longs each one after another (as
     * {@code FeatureExtraction} gives them).
     */
    public Vocabulary train(long[] descriptors) {
        int count = descriptors.length / Vocabulary.DESCRIPTOR_LONGS;
        if (count < branching) {
            throw new IllegalArgumentException("training needs at least " + branching + " descriptors, got " + count);
        }
        long[][] levels = new long[depth][];
        for (int level = 0; level < depth; level++) {
            levels[level] = new long[(int) Math.pow(branching, level + 1) * Vocabulary.DESCRIPTOR_LONGS];
        }
        int[] members = new int[count];
        for (int i = 0; i < count; i++) {
            members[i] = i;
        }
        split(descriptors, members, 0, 0, levels);
        return new Vocabulary(branching, depth, levels);
    }

    /** Clusters {@code members} into the children of {@code node} at {@code level}, then recurses. */
    private void split(long[] descriptors, int[] members, int level, int node, long[][] levels) {
        long[] centres = centres(descriptors, members);
        int firstChild = node * branching;
        System.arraycopy(centres, 0, levels[level], firstChild * Vocabulary.DESCRIPTOR_LONGS, centres.length);
        if (level + 1 == depth) {
            return;
        }
        int[] assigned = assign(descriptors, members, centres);
        for (int c = 0; c < branching; c++) {
            int size = 0;
            for (int a : assigned) {
                size += a == c ? 1 : 0;
            }
            int[] child = new int[size];
            int n = 0;
            for (int i = 0; i < members.length; i++) {
                if (assigned[i] == c) {
                    child[n++] = members[i];
                }
            }
            // A cluster too small to split again keeps its centre's descriptor for all its children.
            split(descriptors, child.length >= branching ? child : padded(child), level + 1, firstChild + c, levels);
        }
    }

    /** Too few members to split: they repeat to fill the children (none at all: an empty cluster). */
    private int[] padded(int[] child) {
        if (child.length == 0) {
            return new int[] {EMPTY};
        }
        int[] padded = Arrays.copyOf(child, branching);
        for (int i = child.length; i < branching; i++) {
            padded[i] = child[i % child.length];
        }
        return padded;
    }

    private long[] centres(long[] descriptors, int[] members) {
        long[] centres = new long[branching * Vocabulary.DESCRIPTOR_LONGS];
        if (members[0] == EMPTY) { // an empty cluster: nothing will ever fall here; any centre will do
            return centres;
        }
        seed(descriptors, members, centres);
        for (int round = 0; round < ROUNDS; round++) {
            int[] assigned = assign(descriptors, members, centres);
            int[][] ones = new int[branching][Vocabulary.DESCRIPTOR_BYTES * 8];
            int[] sizes = new int[branching];
            for (int i = 0; i < members.length; i++) {
                int c = assigned[i];
                sizes[c]++;
                int base = members[i] * Vocabulary.DESCRIPTOR_LONGS;
                for (int w = 0; w < Vocabulary.DESCRIPTOR_LONGS; w++) {
                    long bits = descriptors[base + w];
                    while (bits != 0) {
                        ones[c][w * 64 + Long.numberOfTrailingZeros(bits)]++;
                        bits &= bits - 1;
                    }
                }
            }
            for (int c = 0; c < branching; c++) {
                if (sizes[c] == 0) {
                    continue; // keeps its seed
                }
                for (int w = 0; w < Vocabulary.DESCRIPTOR_LONGS; w++) {
                    long bits = 0;
                    for (int b = 0; b < 64; b++) {
                        if (2 * ones[c][w * 64 + b] > sizes[c]) {
                            bits |= 1L << b;
                        }
                    }
                    centres[c * Vocabulary.DESCRIPTOR_LONGS + w] = bits;
                }
            }
        }
        return centres;
    }

    /**
     * Greedy k-means++ seeding: each next centre is the best of a few members drawn with a probability
     * that grows with the square of their distance to the nearest centre so far (the one that leaves the
     * smallest sum of squared distances), so that two centres rarely start in one cluster, which the
     * majority vote would never undo.
     */
    private void seed(long[] descriptors, int[] members, long[] centres) {
        int trials = 2 + (int) Math.log(branching);
        int first = members[random.nextInt(members.length)];
        int[] nearest = distancesTo(descriptors, members, first, null);
        System.arraycopy(descriptors, first * Vocabulary.DESCRIPTOR_LONGS, centres, 0, Vocabulary.DESCRIPTOR_LONGS);
        for (int c = 1; c < branching; c++) {
            double total = sumOfSquares(nearest);
            int[] best = null;
            int bestPick = first;
            double bestTotal = Double.MAX_VALUE;
            for (int t = 0; t < trials; t++) {
                int pick = drawBySquares(members, nearest, total);
                int[] with = distancesTo(descriptors, members, pick, nearest);
                double after = sumOfSquares(with);
                if (after < bestTotal) {
                    bestTotal = after;
                    best = with;
                    bestPick = pick;
                }
            }
            nearest = best;
            System.arraycopy(descriptors, bestPick * Vocabulary.DESCRIPTOR_LONGS, centres, c * Vocabulary.DESCRIPTOR_LONGS,
                    Vocabulary.DESCRIPTOR_LONGS);
        }
    }

    /** Each member's distance to descriptor {@code pick}, or to the nearer of it and {@code before}. */
    private static int[] distancesTo(long[] descriptors, int[] members, int pick, int[] before) {
        int[] distances = new int[members.length];
        for (int i = 0; i < members.length; i++) {
            int d = Vocabulary.hamming(descriptors, pick * Vocabulary.DESCRIPTOR_LONGS, descriptors, members[i] * Vocabulary.DESCRIPTOR_LONGS);
            distances[i] = before == null ? d : Math.min(d, before[i]);
        }
        return distances;
    }

    private static double sumOfSquares(int[] distances) {
        double total = 0;
        for (int d : distances) {
            total += (double) d * d;
        }
        return total;
    }

    private int drawBySquares(int[] members, int[] nearest, double total) {
        double target = random.nextDouble() * total;
        for (int i = 0; i < members.length; i++) {
            target -= (double) nearest[i] * nearest[i];
            if (target < 0) {
                return members[i];
            }
        }
        return members[members.length - 1];
    }

    private int[] assign(long[] descriptors, int[] members, long[] centres) {
        int[] assigned = new int[members.length];
        for (int i = 0; i < members.length; i++) {
            if (members[i] == EMPTY) {
                continue;
            }
            int best = 0;
            int bestDistance = Integer.MAX_VALUE;
            for (int c = 0; c < branching; c++) {
                int d = Vocabulary.hamming(centres, c * Vocabulary.DESCRIPTOR_LONGS, descriptors,
                        members[i] * Vocabulary.DESCRIPTOR_LONGS);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = c;
                }
            }
            assigned[i] = best;
        }
        return assigned;
    }
}
