package org.ariadne.cli;

import java.io.PrintWriter;

/** The output formats of {@code hash}. */
enum RecordFormat {
    jsonl {
        @Override
        RecordWriter writer(PrintWriter out) {
            return new JsonLinesWriter(out);
        }
    },
    csv {
        @Override
        RecordWriter writer(PrintWriter out) {
            return new CsvWriter(out);
        }
    };

    abstract RecordWriter writer(PrintWriter out);
}
