package org.ariadne.hashsets;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Texts that rarely repeat (media ids that are not numbers) as UTF-8 bytes in large chunks, each after
 * its length: no object a text, a few bytes of overhead. A text is referred to by where it starts.
 */
final class TextArena {

    private static final int CHUNK_BITS = 20;
    private static final int CHUNK = 1 << CHUNK_BITS;
    /** Lengths take 1 byte below this, else 4 bytes (a marker byte and a 3-byte length). */
    private static final int SHORT_LENGTH = 0xff;
    /** A chunk takes texts of up to this many bytes; longer ones are cut (media ids are short). */
    static final int MAX_BYTES = CHUNK - 4;

    private byte[][] chunks = new byte[0][];
    private int used = CHUNK; // bytes used in the last chunk: full, so that the first text opens one

    /** Stores {@code text} and returns where it is. */
    long add(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int length = Math.min(bytes.length, MAX_BYTES);
        int header = length < SHORT_LENGTH ? 1 : 4;
        if (used + header + length > CHUNK) {
            chunks = Arrays.copyOf(chunks, chunks.length + 1);
            chunks[chunks.length - 1] = new byte[CHUNK];
            used = 0;
        }
        byte[] chunk = chunks[chunks.length - 1];
        long where = (long) (chunks.length - 1) << CHUNK_BITS | used;
        if (header == 1) {
            chunk[used++] = (byte) length;
        } else {
            chunk[used++] = (byte) SHORT_LENGTH;
            chunk[used++] = (byte) (length >>> 16);
            chunk[used++] = (byte) (length >>> 8);
            chunk[used++] = (byte) length;
        }
        System.arraycopy(bytes, 0, chunk, used, length);
        used += length;
        return where;
    }

    String get(long where) {
        byte[] chunk = chunks[(int) (where >>> CHUNK_BITS)];
        int at = (int) (where & (CHUNK - 1));
        int length = chunk[at++] & 0xff;
        if (length == SHORT_LENGTH) {
            length = (chunk[at] & 0xff) << 16 | (chunk[at + 1] & 0xff) << 8 | (chunk[at + 2] & 0xff);
            at += 3;
        }
        return new String(chunk, at, length, StandardCharsets.UTF_8);
    }

    long memoryBytes() {
        return (long) chunks.length * (CHUNK + 16) + 32;
    }
}
