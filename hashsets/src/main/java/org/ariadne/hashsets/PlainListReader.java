package org.ariadne.hashsets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain list: one hash a line, {@code md5:}, {@code sha1:}, {@code sha256:} or {@code pdq:} before
 * it or not, optionally followed by a comma and the item's id. Blank lines and lines starting with
 * {@code #} are skipped.
 */
final class PlainListReader {

    /** Problems held back until a first good line shows that the file is a list at all. */
    private static final int HELD_PROBLEMS = 1000;

    private PlainListReader() {
    }

    static void read(InputStream in, HashType plainType, RecordSink sink) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<String[]> held = new ArrayList<>();
        EntryBuilder entry = new EntryBuilder();
        boolean any = false;
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            String text = (number == 1 ? line.replace("\uFEFF", "") : line).strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            entry.reset();
            entry.atLine(number);
            parse(entry, text, plainType);
            String problem = entry.problem();
            if (problem == null) {
                if (!any) {
                    any = true;
                    held.forEach(p -> sink.problem(p[0], p[1]));
                    held.clear();
                }
                sink.entry(entry);
            } else if (any) {
                sink.problem(entry, problem);
            } else if (held.size() < HELD_PROBLEMS) {
                held.add(new String[] {entry.location(), problem});
            }
        }
        if (!any) {
            throw new NotAHashSetException(held.isEmpty() ? "no hashes in the file"
                    : "no line is a hash, so not a hash set (" + held.getFirst()[0] + ": " + held.getFirst()[1] + ")");
        }
    }

    private static void parse(EntryBuilder entry, String text, HashType plainType) {
        int comma = text.indexOf(',');
        String hash = comma < 0 ? text : text.substring(0, comma).strip();
        if (comma >= 0) {
            entry.mediaId(text.substring(comma + 1));
        }
        HashType type = plainType;
        int colon = hash.indexOf(':');
        if (colon >= 0) {
            type = HashType.named(hash.substring(0, colon));
            if (type == null) {
                entry.problem("unknown hash type '" + hash.substring(0, colon).strip() + "' (md5, sha1, sha256 or pdq)");
                return;
            }
            hash = hash.substring(colon + 1).strip();
        } else if (type == null) {
            type = switch (hash.length()) {
                case 32 -> HashType.MD5;
                case 40 -> HashType.SHA1;
                default -> null;
            };
            if (type == null) {
                entry.problem(hash.length() == 64
                        ? "64 hex digits may be SHA-256 or PDQ: prefix the line with sha256: or pdq:, or give the list's type"
                        : "not a hash: expected md5:, sha1:, sha256: or pdq: and hex digits");
                return;
            }
        }
        entry.hash(type, hash);
    }
}
