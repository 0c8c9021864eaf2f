package org.ariadne.index;

import java.util.List;
import java.util.Objects;

/**
 * What every Ariadne index shares: ids given in order of addition, removal by marking, one writer at a
 * time (the mutating methods are synchronized) and lock-free searches. A subclass stores values and
 * publishes what searches see; this class keeps the count of live entries consistent with it.
 *
 * @param <V> the signal's value type
 */
public abstract class AppendOnlyIndex<V> implements SignalIndex<V> {

    protected final Removals removals = new Removals();
    private volatile int live;

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

    @Override
    public final synchronized int add(V value) {
        check(value);
        int id = store(value);
        removals.cover(stored());
        publish();
        live++; // after publishing: a reader that sees the new size finds the new entry
        return id;
    }

    @Override
    public final synchronized int addAll(List<V> values) {
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

    /** Whether {@code id} is one of the first {@code count} ids and not removed. */
    protected final boolean isLive(int id, int count) {
        return id >= 0 && id < count && !removals.contains(id);
    }

    /** After loading a file: publishes what was stored and counts what is live. */
    protected final synchronized void loaded() {
        removals.cover(stored());
        publish();
        live = stored() - removals.list(stored()).length;
    }
}
