package org.ariadne.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.Map;
import org.ariadne.hashing.MediaRecord;

/** One JSON object per line. */
final class JsonLinesWriter implements RecordWriter {

    private final ObjectMapper json = new ObjectMapper();
    private final PrintWriter out;

    JsonLinesWriter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void write(MediaRecord record) {
        Map<String, Object> fields = RecordFields.topLevel(record);
        fields.put("metadata", RecordFields.metadata(record.metadata()));
        fields.put("error", record.error());
        try {
            out.println(json.writeValueAsString(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a record as JSON", e);
        }
    }
}
