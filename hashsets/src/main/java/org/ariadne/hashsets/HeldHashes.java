package org.ariadne.hashsets;

import java.util.Arrays;
import org.ariadne.hashing.crypto.CryptoAlgorithm;
import org.ariadne.index.exact.ExactHashIndex;
import org.ariadne.index.pdq.PdqIndex;

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

    /** Receives held hashes in record order: the record's index and its hashes (null where it has none). */
    interface Sink {
        void record(int index, Source hashes);
    }

    /** One held record's hashes, valid during {@link Sink#record}. */
    interface Source {
        boolean has(HashType type);

        /** Adds the record's crypto hash of this algorithm to the bulk addition. */
        void addTo(CryptoAlgorithm algorithm, ExactHashIndex.Bulk bulk);

        void addTo(PdqIndex.Bulk bulk);
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

    /** Hands on every record's hashes, in order. */
    void replay(Sink sink) {
        int[] next = new int[TYPES.length];
        int[] kind = new int[1];
        int[] at = new int[TYPES.length];
        Source source = new Source() {
            @Override
            public boolean has(HashType type) {
                return (kind[0] & 1 << type.ordinal()) != 0;
            }

            @Override
            public void addTo(CryptoAlgorithm algorithm, ExactHashIndex.Bulk bulk) {
                HashType type = HashType.of(algorithm);
                Keys k = keys[type.ordinal()];
                bulk.add(k.chunk(at[type.ordinal()]), k.offset(at[type.ordinal()]));
            }

            @Override
            public void addTo(PdqIndex.Bulk bulk) {
                Keys k = keys[HashType.PDQ.ordinal()];
                int i = at[HashType.PDQ.ordinal()];
                bulk.add(k.word(i, 0), k.word(i, 1), k.word(i, 2), k.word(i, 3));
            }
        };
        for (int r = 0; r < kinds.size(); r++) {
            kind[0] = (int) kinds.get(r);
            for (HashType type : TYPES) {
                at[type.ordinal()] = (kind[0] & 1 << type.ordinal()) != 0 ? next[type.ordinal()]++ : -1;
            }
            sink.record(r, source);
        }
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

        long word(int i, int w) {
            return (long) LONGS.get(chunk(i), offset(i) + w * Long.BYTES);
        }
    }
}
