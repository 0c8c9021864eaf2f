package org.ariadne.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What every Ariadne index shares: ids given in order of addition, removal by marking, one writer at a
 * time (the mutating methods are synchronized) and lock-free searches. A subclass stores values and
 * publishes what searches see; this class keeps the count of live entries consistent with it, and
 * frames the index file's data block: entry count (u32), removed count (u32), the entries (a fixed
 * number of bytes each, the subclass's layout), the removed ids (u32 each).
 *
 * @param <V> the signal's value type
 */
public abstract class AppendOnlyIndex<V> implements SignalIndex<V> {

    protected final Removals removals = new Removals();
    private volatile int live;
    /** The open bulk addition, or null: while one is open it is the only writer. */
    private BulkAddition bulk;

    /** Stores a value (not yet visible to searches) and returns its id; {@link #check} has passed. */
    protected abstract int store(V value);

    /**
     * Throws if the value cannot be stored (null, or of another kind); called for every value before any
     * is stored, so that a rejected batch leaves the index as it was.
     */
    protected void check(V value) {
        Objects.requireNonNull(value, "value");
    }

    /** Number of ids given so far, removed ones included. */
    protected abstract int stored();

    /** Makes everything stored visible to searches. */
    protected abstract void publish();

    /** Bytes an entry takes in the file's data block. */
    protected abstract int entryBytes();

    /** Puts the first {@code count} entries into the data block, from its position (which may be left anywhere). */
    protected abstract void putEntries(ByteBuffer data, int count);

    @Override
    public final synchronized void write(Path file) throws IOException {
        checkNoBulk();
        int count = stored();
        int[] removed = removals.list(count);
        ByteBuffer data = IndexFile.dataBuffer(8 + (long) count * entryBytes() + 4L * removed.length);
        data.putInt(count).putInt(removed.length);
        putEntries(data, count);
        data.position(8 + count * entryBytes());
        for (int id : removed) {
            data.putInt(id);
        }
        IndexFile.write(file, signalName(), data.flip());
    }

    /**
     * Checks a data block read from {@code file} for an index of {@code entryBytes}-byte entries and
     * returns its entry count; the data is left at the first entry.
     *
     * @throws IndexFileException if the counts do not fit the block
     */
    protected static int entryCount(ByteBuffer data, int entryBytes, Path file) throws IndexFileException {
        if (data.remaining() < 8) {
            throw new IndexFileException(file, "corrupt: no entry count");
        }
        int count = data.getInt();
        int removed = data.getInt();
        if (count < 0 || removed < 0 || removed > count
                || data.remaining() != (long) count * entryBytes + 4L * removed) {
            throw new IndexFileException(file, "corrupt: " + count + " entries and " + removed
                    + " removed do not fit " + data.remaining() + " bytes of data");
        }
        return count;
    }

    @Override
    public final synchronized int add(V value) {
        checkNoBulk();
        check(value);
        int id = store(value);
        removals.cover(stored());
        publish();
        live++; // after publishing: a reader that sees the new size finds the new entry
        return id;
    }

    @Override
    public final synchronized int addAll(List<V> values) {
        checkNoBulk();
        int first = stored();
        for (V value : values) {
            check(value);
        }
        for (V value : values) {
            store(value);
        }
        removals.cover(stored());
        publish();
        live += values.size();
        return first;
    }

    @Override
    public final synchronized boolean remove(int id) {
        checkNoBulk();
        if (!isLive(id, stored())) {
            return false;
        }
        removals.mark(id);
        live--;
        return true;
    }

    @Override
    public final int size() {
        return live;
    }

    private void checkNoBulk() {
        if (bulk != null) {
            throw new IllegalStateException("a bulk addition is open: close it first");
        }
    }

    /**
     * A bulk addition: values are stored as they are given (in the subclass's raw form, without objects
     * for each) and searches see none of them until {@link #close} publishes them all at once: one sort
     * or table build for millions of values, where adding them one by one would merge again and again,
     * and {@link #addAll} would need them all as objects first. Ids are given in order, as by {@link #add}.
     *
     * <p>One thread uses it; while it is open it is the index's only writer ({@link #add}, {@link #addAll},
     * {@link #remove} and {@link #write} refuse), and searches from other threads run on what was published.
     */
    public abstract class BulkAddition implements AutoCloseable {

        private final int first;
        private boolean closed;

        protected BulkAddition() {
            synchronized (AppendOnlyIndex.this) {
                checkNoBulk();
                bulk = this;
                first = stored();
            }
        }

        /** Throws if this addition is closed; subclasses call it before storing a value. */
        protected final void checkOpen() {
            if (closed) {
                throw new IllegalStateException("this bulk addition is closed");
            }
        }

        /** The id the first value of this addition got (or gets). */
        public final int first() {
            return first;
        }

        /** Publishes everything stored so far; the index takes other writers again. Closing twice does nothing. */
        @Override
        public final void close() {
            synchronized (AppendOnlyIndex.this) {
                if (closed) {
                    return;
                }
                closed = true;
                removals.cover(stored());
                publish();
                live += stored() - first; // after publishing, as in add
                bulk = null;
            }
        }
    }

    /** Whether {@code id} is one of the first {@code count} ids and not removed. */
    protected final boolean isLive(int id, int count) {
        return id >= 0 && id < count && !removals.contains(id);
    }

    /**
     * After the subclass has stored the {@code count} entries of a data block checked by
     * {@link #entryCount}: reads the removed ids, publishes, and counts what is live.
     */
    protected final synchronized void loaded(ByteBuffer data, int count, Path file) throws IndexFileException {
        int removed = data.getInt(4);
        data.position(8 + count * entryBytes());
        removals.read(data, removed, count, file);
        publish();
        live = count - removals.list(count).length;
    }
}
