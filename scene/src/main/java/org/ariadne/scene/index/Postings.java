package org.ariadne.scene.index;

import java.util.Arrays;

/**
 * The inverted index: for each visual word, the ids of the pictures that have it (each picture once a
 * word), in the order they were added. Not thread-safe; {@link SceneIndex} guards it.
 */
final class Postings {

    /** Words are 16-bit. */
    static final int WORDS = 1 << 16;
    private static final int FIRST_CAPACITY = 8;

    private final int[][] ids = new int[WORDS][];
    private final int[] counts = new int[WORDS];

    void add(int word, int id) {
        int[] list = ids[word];
        if (list == null) {
            list = ids[word] = new int[FIRST_CAPACITY];
        } else if (counts[word] == list.length) {
            list = ids[word] = Arrays.copyOf(list, list.length + (list.length >> 1));
        }
        list[counts[word]++] = id;
    }

    /** How many pictures have the word. */
    int frequency(int word) {
        return counts[word];
    }

    /** The ids of the pictures that have the word: the first {@link #frequency} entries are valid. */
    int[] ids(int word) {
        int[] list = ids[word];
        return list == null ? new int[0] : list;
    }

    long memoryBytes() {
        long bytes = (long) WORDS * (8 + 4);
        for (int[] list : ids) {
            bytes += list == null ? 0 : 16 + 4L * list.length;
        }
        return bytes;
    }
}
