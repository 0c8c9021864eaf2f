/**
 * Fast search over many values of a signal type.
 *
 * <p>{@link org.ariadne.index.SignalIndex} is the plug-in interface, the counterpart of
 * {@link org.ariadne.hashing.SignalType}: each signal with an index registers a
 * {@link org.ariadne.index.SignalIndexProvider}, found by name through
 * {@link org.ariadne.index.SignalIndexes}. Every index is held to brute force by the shared conformance
 * suite, and stores itself in the one checked file format of {@link org.ariadne.index.IndexFile}.
 * {@link org.ariadne.index.AppendOnlyIndex} and {@link org.ariadne.index.Removals} hold what the indexes
 * share: ids in order of addition, removal by marking, one writer and lock-free readers. Videos are found
 * through their frames by {@code vpdq.VpdqIndex}, built on the PDQ index (in memory only, so far).
 */
package org.ariadne.index;
