package org.ariadne.hashsets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct values of a text field (categories, series, agencies), each stored once and referred to
 * by a small code: ten million entries share a few thousand series names. Code 0 is "none" (null).
 */
final class Dictionary {

    /**
     * Recent values and their codes by hash: readers hand the same string object for a label each time
     * (see {@link TextCache}), so most lookups end at an identity check, not in the map. Twice as many
     * slots as values, up to 2^14 (200 KB), which hold most of ten thousand series names; with 2^10
     * the map lookups of the rest took 2.5 % of loading the benchmark set.
     */
    private static final int RECENT_MAX = 1 << 14;
    private static final int RECENT_MIN = 1 << 4;

    private final Map<String, Integer> codes = new HashMap<>();
    private final List<String> values = new ArrayList<>(List.of(""));
    private String[] recentValues = new String[RECENT_MIN];
    private int[] recentCodes = new int[RECENT_MIN];
    private long textBytes;

    /** The value's code, 0 for null; a new value gets the next code. */
    int code(String value) {
        if (value == null) {
            return 0;
        }
        int slot = value.hashCode() & (recentValues.length - 1);
        if (recentValues[slot] == value) {
            return recentCodes[slot];
        }
        int code = mapped(value);
        if (values.size() * 2 > recentValues.length && recentValues.length < RECENT_MAX) {
            recentValues = new String[recentValues.length * 2]; // a cache: starting empty again is fine
            recentCodes = new int[recentValues.length];
            slot = value.hashCode() & (recentValues.length - 1);
        }
        recentValues[slot] = value;
        recentCodes[slot] = code;
        return code;
    }

    private int mapped(String value) {
        Integer code = codes.get(value);
        if (code == null) {
            code = values.size();
            codes.put(value, code);
            values.add(value);
            textBytes += value.length();
        }
        return code;
    }

    /** The value of a code; null for 0. */
    String value(int code) {
        return code == 0 ? null : values.get(code);
    }

    /** About what the map, the strings and the recent values take (an estimate: a few dozen bytes a value). */
    long memoryBytes() {
        return 64L * values.size() + 2 * textBytes + 12L * recentValues.length;
    }
}
