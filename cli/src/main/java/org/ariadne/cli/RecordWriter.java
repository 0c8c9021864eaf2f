package org.ariadne.cli;

import org.ariadne.hashing.MediaRecord;

/** Writes media records in one output format. */
interface RecordWriter {

    void write(MediaRecord record);

    /** Called once, after the last record. */
    default void finish() {
    }
}
