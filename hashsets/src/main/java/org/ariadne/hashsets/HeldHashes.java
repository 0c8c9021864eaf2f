package org.ariadne.hashsets;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.function.IntConsumer;
import org.ariadne.hashing.crypto.CryptoAlgorithm;

/**
 * The hashes of records read ahead by a second thread (a later part of a file), held raw until the
 * indexes can take them: ids are given in loading order, so they wait for the first part's. They are
 * held off the heap, in chunks of an arena freed by {@link #close}: on the heap, every young collection
 * during the read would copy them (5 million entries are 340 MB), only for them to be dropped once the
 * indexes have them. Which hashes each record has is in a {@link Column}.
 *
 * <p>One thread adds; after that, any thread may replay (one type a thread).
 */
final class HeldHashes implements AutoCloseable {

    private static final int CHUNK_BITS = 16;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK - 1;
    private static final HashType[] TYPES = HashType.values();
    private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG_UNALIGNED;

    private final Arena arena = Arena.ofShared();
    /** For each record, a bit for each hash type it has (bit {@code type.ordinal()}). */
    private final Column kinds = new Column();
    private final Keys[] keys = {
        new Keys(CryptoAlgorithm.MD5.bytes()), new Keys(CryptoAlgorithm.SHA1.bytes()),
        new Keys(CryptoAlgorithm.SHA256.bytes()), new Keys(4 * Long.BYTES)};

    /** Receives the held hashes of one type, a run of them at a time: {@code count} laid out from the chunk's start. */
    interface Sink {
        void hashes(MemorySegment chunk, int count);
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
     * Hands on the held hashes of one type, in record order: first which record each belongs to (to
     * {@code records}, one call a hash), then the hashes, a chunk at a time. Each type's are apart, so
     * that types can be handed on by different threads at once.
     */
    void replay(HashType type, IntConsumer records, Sink sink) {
        int bit = 1 << type.ordinal();
        for (int r = 0; r < kinds.size(); r++) {
            if (((int) kinds.get(r) & bit) != 0) {
                records.accept(r);
            }
        }
        Keys k = keys[type.ordinal()];
        for (int done = 0; done < k.count; done += CHUNK) {
            sink.hashes(k.chunk(done), Math.min(CHUNK, k.count - done));
        }
    }

    /** The most hashes {@link #replay} hands on at a time. */
    static int chunkSize() {
        return CHUNK;
    }

    /** Frees the memory; the hashes are gone. */
    @Override
    public void close() {
        arena.close();
    }

    /** Keys of one width, in chunks of the arena. */
    private final class Keys {

        private final int width;
        private MemorySegment[] chunks = new MemorySegment[0];
        private int count;

        Keys(int width) {
            this.width = width;
        }

        void add(byte[] key) {
            MemorySegment.copy(key, 0, room(), ValueLayout.JAVA_BYTE, offset(count), width);
            count++;
        }

        void add(long[] words) {
            MemorySegment chunk = room();
            for (int w = 0; w < words.length; w++) {
                chunk.set(WORD, offset(count) + (long) w * Long.BYTES, words[w]);
            }
            count++;
        }

        private MemorySegment room() {
            if (count == chunks.length * CHUNK) {
                chunks = Arrays.copyOf(chunks, chunks.length + 1);
                chunks[chunks.length - 1] = arena.allocate((long) CHUNK * width);
            }
            return chunks[count >>> CHUNK_BITS];
        }

        MemorySegment chunk(int i) {
            return chunks[i >>> CHUNK_BITS];
        }

        long offset(int i) {
            return (long) (i & MASK) * width;
        }
    }
}
