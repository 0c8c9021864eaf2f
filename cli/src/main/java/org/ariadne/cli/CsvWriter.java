package org.ariadne.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ariadne.hashing.MediaRecord;

/** RFC 4180 CSV: a header line, then one line per record, metadata flattened into columns. */
final class CsvWriter implements RecordWriter {

    private final PrintWriter out;
    private boolean headerWritten;

    CsvWriter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void write(MediaRecord record) {
        Map<String, Object> top = RecordFields.topLevel(record);
        Map<String, Object> metadata = RecordFields.metadata(record.metadata());
        if (!headerWritten) {
            List<String> header = new ArrayList<>(top.keySet());
            header.addAll(RecordFields.METADATA_COLUMNS);
            header.addAll(RecordFields.VIDEO_COLUMNS);
            header.add("error");
            out.print(String.join(",", header) + "\r\n");
            headerWritten = true;
        }
        List<String> cells = new ArrayList<>();
        top.values().forEach(v -> cells.add(cell(v)));
        for (String column : RecordFields.METADATA_COLUMNS) {
            cells.add(cell(metadata.get(column)));
        }
        RecordFields.video(record).values().forEach(v -> cells.add(cell(v)));
        cells.add(cell(record.error()));
        out.print(String.join(",", cells) + "\r\n");
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
