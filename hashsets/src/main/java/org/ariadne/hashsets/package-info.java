/**
 * Hash sets: the files in which agencies exchange the hashes of known material, and what they know of
 * each item (category, whether its victim or offender is identified, its series).
 *
 * <p>{@link org.ariadne.hashsets.HashSetReader} reads Project VIC's VICS JSON (1.3 and 2.0), the ICSE
 * hash export (CSV) and plain lists of hashes, streaming, one {@link org.ariadne.hashsets.HashSetEntry}
 * at a time, so that sets of tens of millions of entries never sit in memory as text. A malformed record
 * is reported with its place in the file and skipped; a file that is no hash set at all is refused
 * ({@link org.ariadne.hashsets.NotAHashSetException}). {@link org.ariadne.hashsets.KnownHashes} holds
 * the entries of any number of sets, indexed for matching (exact crypto hashes, PDQ within a radius),
 * and lists where two sets disagree about one hash.
 */
package org.ariadne.hashsets;
