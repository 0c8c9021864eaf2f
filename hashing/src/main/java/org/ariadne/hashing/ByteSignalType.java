package org.ariadne.hashing;

/**
 * A signal type computed from the raw bytes of a file, streamed: the bytes are read once and every
 * byte signal is fed from the same buffer (see {@link MediaHasher}).
 */
public interface ByteSignalType<V> extends SignalType<V> {

    /** A fresh computation; not thread-safe, one per file. */
    Digester<V> newDigester();

    /** Consumes bytes in order, then gives the value. */
    interface Digester<V> {
        void update(byte[] bytes, int offset, int length);

        V finish();
    }
}
