package org.ariadne.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Fast search over many values of one signal type: the counterpart of
 * {@link org.ariadne.hashing.SignalType}, whose {@code distance} is the reference every index must agree
 * with (the conformance suite checks each against brute force).
 *
 * <p>Entries get dense ids, from 0 in the order they were added; a removed entry keeps its id and is no
 * longer found. Searches are safe from any number of threads while one thread adds or removes: a search
 * sees every entry added before it started, and never a half-added one.
 *
 * @param <V> the signal's value type
 */
public interface SignalIndex<V> {

    /** The name of the signal type this index holds, as {@code SignalType.name()} gives it. */
    String signalName();

    /** Adds a value and returns its id. */
    int add(V value);

    /** Adds values in one go (faster than one by one for large sets) and returns the first one's id. */
    int addAll(List<V> values);

    /** Removes an entry; false if there was no live entry with that id. */
    boolean remove(int id);

    /** The value of a live entry, or null if the id was removed or never given. */
    V get(int id);

    /** Number of live entries. */
    int size();

    /** Every live entry within {@code maxDistance} of the query, nearest first, then by id. */
    List<Match> search(V query, int maxDistance);

    /**
     * Searches every query, giving the sink each one's matches (as {@link #search} would) in the order of
     * the list, in the calling thread. An index may answer a batch much faster than one query after
     * another; to use several cores, call it from several threads on parts of the list.
     */
    default void searchAll(List<? extends V> queries, int maxDistance, ResultSink sink) {
        for (int q = 0; q < queries.size(); q++) {
            sink.accept(q, search(queries.get(q), maxDistance));
        }
    }

    /** Receives the results of {@link #searchAll}: each query's position in the list and its matches. */
    @FunctionalInterface
    interface ResultSink {
        void accept(int query, List<Match> matches);
    }

    /** The {@code k} nearest live entries within {@code maxDistance}, nearest first, then by id. */
    default List<Match> nearest(V query, int k, int maxDistance) {
        List<Match> all = search(query, maxDistance);
        return all.size() <= k ? all : List.copyOf(all.subList(0, k));
    }

    /** Bytes of memory the index holds, everything included (values, tables, bookkeeping). */
    long memoryBytes();

    /**
     * Writes the index to a file in Ariadne's versioned index format (see {@link IndexFile}); the matching
     * {@link SignalIndexProvider#read} loads it.
     */
    void write(Path file) throws IOException;
}
