package org.ariadne.cli;

import java.io.PrintWriter;

/** The output formats of {@code hash}. */
enum RecordFormat {
    jsonl {
        @Override
        RecordWriter writer(PrintWriter out, boolean frames) {
            return new JsonLinesWriter(out, frames);
        }
    },
    csv {
        @Override
        RecordWriter writer(PrintWriter out, boolean frames) {
            return new CsvWriter(out); // one line a file: frames do not fit
        }
    };

    /** A writer; {@code frames} asks for each video's hashed frames where the format has room for them. */
    abstract RecordWriter writer(PrintWriter out, boolean frames);
}
