package org.ariadne.hashsets;

/**
 * What the readers hand their records to, in file order: the reused {@link EntryBuilder} of each
 * well-formed record (read it before returning: the reader then moves on to the next record), and each
 * malformed one's place and problem. {@link HashSetReader.Listener} is the public form, one
 * {@link HashSetEntry} object a record; {@link KnownHashes} takes the fields as they are.
 */
interface RecordSink {

    void entry(EntryBuilder record);

    /** A problem at a place that is no record's (a syntax error: {@code line 3, column 17}). */
    void problem(String location, String message);

    /** A malformed record, or a list item that is none, at the place {@code place} holds. */
    default void problem(EntryBuilder place, String message) {
        problem(place.location(), message);
    }

    /**
     * A sink for the records of a later part of the same file, which another thread reads meanwhile;
     * null if this sink takes records from one thread only (the file is then read by one). Of a large
     * file, the second half is read at the same time as the first.
     */
    default Later later() {
        return null;
    }

    /**
     * The sink of a later part of a file. Its reader counts places from where it started (list items
     * from 0, lines from 1) and reports every problem with its place ({@link #problem(EntryBuilder, String)}),
     * so that they can be moved once the first part's reader knows where the part starts. It may be
     * {@link #restart}ed (the reader started in the wrong place), and is either joined or discarded.
     */
    interface Later extends RecordSink {

        /** Forgets everything received: the part is read again from another place. */
        void restart();

        /**
         * Takes on everything received, after all the records of the sink this one came from: called
         * by that sink's reader, once the first part is read, as the last thing before the file's reading
         * ends (no record comes after; the sink may start its own finishing). The part's places are moved
         * by {@code itemOffset} list items (its case or item indices) or {@code lineOffset} lines.
         */
        void join(int itemOffset, int lineOffset);

        /** Forgets everything received, for good. */
        void discard();

        @Override
        default void problem(String location, String message) {
            throw new IllegalStateException("a later part's problems need their place, to move it: " + location);
        }
    }
}
