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
 *
 * <p>How a set of ten million entries loads in seconds: the readers hand on each record's fields in one
 * reused {@code EntryBuilder} (hashes as bytes, decoded where they lie in the read buffer), not as
 * objects; VICS JSON is tokenized by {@code JsonScanner}, written for this, and a large VICS file is read
 * by two threads ({@code VicsTail}). {@code KnownHashes} puts the hashes straight into the indexes'
 * bulk additions, sorted and tabled once at the end of a file, and the rest of each entry into the
 * columns of {@code KnownEntries}, a few bytes an entry; an entry asked for is rebuilt from both.
 *
 * <p>To read another format: a reader that fills an {@code EntryBuilder} per record and hands it to a
 * {@code RecordSink}, and a way for {@code HashSetReader} to recognise the format by its content.
 */
package org.ariadne.hashsets;
