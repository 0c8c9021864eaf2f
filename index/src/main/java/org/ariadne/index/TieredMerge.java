package org.ariadne.index;

import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.ToIntFunction;

/**
 * The merge policy of the indexes' sorted parts (segments, runs), as in a log-structured merge: the last
 * two parts are merged while the last is at least a quarter of the one before, so sizes grow
 * geometrically, there are few parts, and each entry is re-indexed only a few times. Merges stop at a
 * size limit, so that an addition never rebuilds a large set's structures.
 */
public final class TieredMerge {

    private TieredMerge() {
    }

    /** Merges the tail of {@code parts} in place, never into a part of more than {@code limit} entries. */
    public static <T> void mergeTail(List<T> parts, ToIntFunction<T> size, BinaryOperator<T> merge, int limit) {
        while (parts.size() >= 2) {
            T last = parts.get(parts.size() - 1);
            T before = parts.get(parts.size() - 2);
            long merged = (long) size.applyAsInt(before) + size.applyAsInt(last);
            if ((long) size.applyAsInt(last) * 4 < size.applyAsInt(before) || merged > limit) {
                return;
            }
            parts.remove(parts.size() - 1);
            parts.set(parts.size() - 1, merge.apply(before, last));
        }
    }
}
