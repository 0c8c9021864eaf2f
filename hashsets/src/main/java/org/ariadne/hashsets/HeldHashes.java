package org.ariadne.hashsets;

import java.util.Arrays;
import org.ariadne.hashing.crypto.CryptoAlgorithm;

/**
 * The hashes of records read ahead by a second thread (a later part of a file), held raw until the
 * indexes can take them: ids are given in loading order, so they wait for the first part's. Bytes and
 * words in chunks, no object a hash; which hashes each record has in a {@link Column}.
 */
final class HeldHashes {

    private static final int CHUNK_BITS = 16;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK - 1;
    private static final HashType[] TYPES = HashType.values();

    /** For each record, a bit for each hash type it has (bit {@code type.ordinal()}). */
    private final Column kinds = new Column();
    private final Keys[] keys = {
        new Keys(CryptoAlgorithm.MD5.bytes()), new Keys(CryptoAlgorithm.SHA1.bytes()),
        new Keys(CryptoAlgorithm.SHA256.bytes()), new Keys(4 * Long.BYTES)};

    /** Receives the held hashes of one type: the record's index, and where the hash's bytes lie. */
    interface Sink {
        void hash(int record, byte[] chunk, int offset);
    }

    int size() {
        return kinds.size();
    }

    void add(EntryBuilder record) {
        int kind = 0;
        for (HashType type : TYPES) {
            if (record.has(type)) {
                kind |= 1 << type.ordinal();
            }
        }
        kinds.add(kind);
        if (record.has(HashType.MD5)) {
            keys[HashType.MD5.ordinal()].add(record.md5());
        }
        if (record.has(HashType.SHA1)) {
            keys[HashType.SHA1.ordinal()].add(record.sha1());
        }
        if (record.has(HashType.SHA256)) {
            keys[HashType.SHA256.ordinal()].add(record.sha256());
        }
        if (record.has(HashType.PDQ)) {
            keys[HashType.PDQ.ordinal()].add(record.pdq());
        }
    }

    /**
     * Hands on the held hashes of one type, in record order. Each type's are apart, so that types can
     * be handed on by different threads at once.
     */
    void replay(HashType type, Sink sink) {
        Keys k = keys[type.ordinal()];
        int bit = 1 << type.ordinal();
        int next = 0;
        for (int r = 0; r < kinds.size(); r++) {
            if (((int) kinds.get(r) & bit) != 0) {
                sink.hash(r, k.chunk(next), k.offset(next));
                next++;
            }
        }
    }

    /** Word {@code w} of a PDQ held at {@code offset} of {@code chunk} (as {@link #replay} gives them). */
    static long word(byte[] chunk, int offset, int w) {
        return (long) Keys.LONGS.get(chunk, offset + w * Long.BYTES);
    }

    /** Keys of one width, in chunks. */
    private static final class Keys {
        private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles
                .byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

        private final int width;
        private byte[][] chunks = new byte[0][];
        private int count;

        Keys(int width) {
            this.width = width;
        }

        void add(byte[] key) {
            System.arraycopy(key, 0, room(), (count & MASK) * width, width);
            count++;
        }

        void add(long[] words) {
            byte[] chunk = room();
            for (int w = 0; w < words.length; w++) {
                LONGS.set(chunk, (count & MASK) * width + w * Long.BYTES, words[w]);
            }
            count++;
        }

        private byte[] room() {
            if (count == chunks.length * CHUNK) {
                chunks = Arrays.copyOf(chunks, chunks.length + 1);
                chunks[chunks.length - 1] = new byte[CHUNK * width];
            }
            return chunks[count >>> CHUNK_BITS];
        }

        byte[] chunk(int i) {
            return chunks[i >>> CHUNK_BITS];
        }

        int offset(int i) {
            return (i & MASK) * width;
        }

    }
}
