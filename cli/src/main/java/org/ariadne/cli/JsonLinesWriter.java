package org.ariadne.cli;

import java.io.PrintWriter;
import java.util.Map;
import org.ariadne.hashing.MediaRecord;

/** One JSON object per line. */
final class JsonLinesWriter implements RecordWriter {

    private final PrintWriter out;
    private final boolean frames;

    /** With {@code frames}, a video's record lists its hashed frames too ({@code vpdq_frames}). */
    JsonLinesWriter(PrintWriter out, boolean frames) {
        this.out = out;
        this.frames = frames;
    }

    @Override
    public void write(MediaRecord record) {
        Map<String, Object> fields = RecordFields.topLevel(record);
        if (record.video() != null) {
            fields.putAll(RecordFields.video(record));
            if (frames) {
                fields.put("vpdq_frames", RecordFields.frames(record));
            }
        }
        fields.put("metadata", RecordFields.metadata(record.metadata()));
        fields.put("error", record.error());
        out.println(JsonLine.of(fields));
    }
}
