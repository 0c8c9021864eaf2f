package org.ariadne.hashsets;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A growing list of non-negative numbers, each in the fewest bytes that the largest so far needs (1, 2, 4
 * or 8): a category code takes one byte an entry, a media id four. Stored in chunks of 65,536 values,
 * so that growing never copies what is there; only widening (at most three times) rewrites it.
 *
 * <p>One thread appends; reads from other threads are safe once appending is over.
 */
final class Column {

    private static final int CHUNK_BITS = 16;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK - 1;
    private static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[][] chunks = new byte[0][];
    private int width = 1;
    private int size;

    int size() {
        return size;
    }

    void add(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("a column holds non-negative numbers, not " + value);
        }
        int needed = width(value);
        if (needed > width) {
            widen(needed);
        }
        if (size == chunks.length * CHUNK) {
            chunks = Arrays.copyOf(chunks, chunks.length + 1);
            chunks[chunks.length - 1] = new byte[CHUNK * width];
        }
        put(chunks[size >>> CHUNK_BITS], (size & MASK) * width, width, value);
        size++;
    }

    long get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        byte[] chunk = chunks[index >>> CHUNK_BITS];
        int at = (index & MASK) * width;
        return switch (width) {
            case 1 -> chunk[at] & 0xffL;
            case 2 -> (short) SHORTS.get(chunk, at) & 0xffffL;
            case 4 -> (int) INTS.get(chunk, at) & 0xffffffffL;
            default -> (long) LONGS.get(chunk, at);
        };
    }

    /** The first index whose value is at least {@code value}, in a column sorted ascending ({@code size()} if none). */
    int search(long value) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (get(mid) < value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    long memoryBytes() {
        return (long) chunks.length * ((long) CHUNK * width + 16) + 32;
    }

    private static int width(long value) {
        if (value < 1L << 8) {
            return 1;
        }
        if (value < 1L << 16) {
            return 2;
        }
        return value < 1L << 32 ? 4 : 8;
    }

    private void widen(int wider) {
        byte[][] widened = new byte[chunks.length][];
        for (int c = 0; c < chunks.length; c++) {
            widened[c] = new byte[CHUNK * wider];
            int count = Math.min(CHUNK, size - c * CHUNK);
            for (int i = 0; i < count; i++) {
                put(widened[c], i * wider, wider, get(c * CHUNK + i));
            }
        }
        chunks = widened;
        width = wider;
    }

    private static void put(byte[] chunk, int at, int width, long value) {
        switch (width) {
            case 1 -> chunk[at] = (byte) value;
            case 2 -> SHORTS.set(chunk, at, (short) value);
            case 4 -> INTS.set(chunk, at, (int) value);
            default -> LONGS.set(chunk, at, value);
        }
    }
}
