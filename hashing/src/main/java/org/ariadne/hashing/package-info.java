/**
 * Signals: what Ariadne extracts from a file to recognise it again, and the per-file pipeline.
 *
 * <p>{@link org.ariadne.hashing.SignalType} is the one extension point for every hash and descriptor; the
 * types on the class path are found by name through {@link org.ariadne.hashing.SignalTypes}. Values are
 * typed records in memory and canonical strings at the edges ({@link org.ariadne.hashing.SignalType#format}).
 *
 * <p>{@link org.ariadne.hashing.MediaHasher} turns a file into a {@link org.ariadne.hashing.MediaRecord}:
 * one read feeds every {@link org.ariadne.hashing.ByteSignalType}, the metadata reader, the decoder and PDQ
 * (for a video: the crypto hashes while FFmpeg decodes it for vPDQ).
 * Sub-packages hold the signal families: {@code crypto}, {@code pdq}, {@code vpdq}, {@code metadata}.
 */
package org.ariadne.hashing;
