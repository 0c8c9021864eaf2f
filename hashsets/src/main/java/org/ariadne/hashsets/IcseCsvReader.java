package org.ariadne.hashsets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ICSE hash export: semicolon-separated, one media item a line after the header
 * {@code MD5;SHA1;ZZ40;PhotoDNA;Lace;Image ID;Is distributed;Victim identified;Offender identified;
 * Series name;Investigation name;Agency;Number of submissions;File Available;Media Type;Baseline}.
 * Columns are found by their header name, so extra trailing columns do no harm; values may be quoted
 * and surrounded by spaces; flags are Y/N, Yes/No or True/False. ZZ40, PhotoDNA and Lace are hashes
 * Ariadne does not compute, and are not read.
 */
final class IcseCsvReader {

    private IcseCsvReader() {
    }

    static void read(InputStream in, RecordSink sink) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = reader.readLine();
        Map<String, Integer> columns = new HashMap<>();
        List<String> names = split(header.replace("\uFEFF", ""));
        for (int c = 0; c < names.size(); c++) {
            columns.putIfAbsent(names.get(c).toLowerCase(Locale.ROOT), c);
        }
        if (!columns.containsKey("md5") || !columns.containsKey("sha1")) {
            throw new NotAHashSetException("a header without MD5 and SHA1 columns, not an ICSE hash export");
        }
        EntryBuilder entry = new EntryBuilder();
        int number = 1;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = split(line);
            entry.reset();
            entry.atLine(number);
            entry.hash(HashType.MD5, field(fields, columns, "md5"));
            entry.hash(HashType.SHA1, field(fields, columns, "sha1"));
            entry.mediaId(field(fields, columns, "image id"));
            entry.distributed(field(fields, columns, "is distributed"));
            entry.victimIdentified(field(fields, columns, "victim identified"));
            entry.offenderIdentified(field(fields, columns, "offender identified"));
            entry.series(field(fields, columns, "series name"));
            entry.agency(field(fields, columns, "agency"));
            String problem = entry.problem();
            if (problem == null) {
                sink.entry(entry);
            } else {
                sink.problem(entry, problem);
            }
        }
    }

    private static String field(List<String> fields, Map<String, Integer> columns, String name) {
        Integer c = columns.get(name);
        return c == null || c >= fields.size() ? null : fields.get(c);
    }

    /** The line's fields, split at semicolons outside double quotes, unquoted and stripped. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ';' && !quoted) {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString().strip());
        return fields;
    }
}
