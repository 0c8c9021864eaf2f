package org.ariadne.hashsets;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
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
 *
 * <p>Lines end at a line feed, a carriage return, or both. Fields are split in the bytes read: hashes
 * are decoded where they lie, and only a quoted field, or one with spaces beyond ASCII around it, takes
 * the slower way through a string. A large file is read by two threads, the second from the first line
 * after its middle: lines are records, so no guess is needed, unlike in VICS JSON.
 */
final class IcseCsvReader {

    /** The columns read, by their header names in lower case. */
    private static final String[] COLUMNS = {"md5", "sha1", "image id", "is distributed", "victim identified",
        "offender identified", "series name", "agency"};
    private static final int MD5 = 0;
    private static final int SHA1 = 1;
    private static final int IMAGE_ID = 2;
    private static final int DISTRIBUTED = 3;
    private static final int VICTIM = 4;
    private static final int OFFENDER = 5;
    private static final int SERIES = 6;
    private static final int AGENCY = 7;
    /** Decimal ids of up to this many digits are numbers (they fit a long). */
    private static final int NUMBER_DIGITS = 18;

    /** For each file column, which of {@link #COLUMNS} it is, or -1. */
    private final int[] roles;
    private final RecordSink sink;
    private final EntryBuilder entry = new EntryBuilder();
    private final TextCache texts = new TextCache();
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private boolean[] quoted = new boolean[16];

    private IcseCsvReader(int[] roles, RecordSink sink) {
        this.roles = roles;
        this.sink = sink;
    }

    /**
     * Reads the export {@code in} is open on (at its start). A {@code file} of {@code splitFrom} bytes or
     * more whose sink takes a later part ({@link RecordSink#later}) is read by two threads.
     */
    static void read(Path file, long size, InputStream in, RecordSink sink, long splitFrom) throws IOException {
        Lines lines = new Lines(in, 0);
        if (!lines.next()) {
            throw new NotAHashSetException("an empty file, not a hash set");
        }
        int[] roles = roles(lines.text().replace("\uFEFF", ""));
        RecordSink.Later later = size >= splitFrom && Runtime.getRuntime().availableProcessors() > 1
                ? sink.later() : null;
        long split = later == null ? -1 : lineStartFrom(file, size / 2);
        if (split < 0) {
            new IcseCsvReader(roles, sink).rows(lines, 1, Long.MAX_VALUE);
            return;
        }
        Throwable[] failed = new Throwable[1];
        Thread second = Thread.ofPlatform().name("icse-tail").start(() -> {
            try (InputStream tail = open(file, split)) {
                new IcseCsvReader(roles, later).rows(new Lines(tail, split), 0, Long.MAX_VALUE);
            } catch (IOException | RuntimeException | Error e) {
                failed[0] = e;
            }
        });
        boolean joined = false;
        try {
            int linesBefore = new IcseCsvReader(roles, sink).rows(lines, 1, split);
            await(second);
            switch (failed[0]) {
                case null -> { }
                case IOException e -> throw e;
                case RuntimeException e -> throw e;
                case Error e -> throw e;
                default -> throw new IllegalStateException(failed[0]);
            }
            later.join(0, linesBefore);
            joined = true;
        } finally {
            if (!joined) {
                await(second);
                later.discard();
            }
        }
    }

    /** Each file column's role, from the header; refuses a header without MD5 and SHA1 columns. */
    private static int[] roles(String header) throws NotAHashSetException {
        Map<String, Integer> columns = new HashMap<>();
        List<String> names = split(header);
        int[] roles = new int[names.size()];
        Arrays.fill(roles, -1);
        for (int role = 0; role < COLUMNS.length; role++) {
            columns.put(COLUMNS[role], role);
        }
        boolean[] seen = new boolean[COLUMNS.length];
        for (int c = 0; c < names.size(); c++) {
            Integer role = columns.get(names.get(c).toLowerCase(Locale.ROOT));
            if (role != null && !seen[role]) { // the first column of a name counts
                seen[role] = true;
                roles[c] = role;
            }
        }
        if (!seen[MD5] || !seen[SHA1]) {
            throw new NotAHashSetException("a header without MD5 and SHA1 columns, not an ICSE hash export");
        }
        return roles;
    }

    /**
     * Reads lines until the end of the file or the first line that starts at {@code stopAt}; returns the
     * number of the last line read ({@code number} is that of the line before the first).
     */
    private int rows(Lines lines, int number, long stopAt) throws IOException {
        while (lines.offset() < stopAt && lines.next()) {
            number++;
            if (lines.blank()) {
                continue;
            }
            entry.reset();
            entry.atLine(number);
            fields(lines.bytes(), lines.from(), lines.to());
            String problem = entry.problem();
            if (problem == null) {
                sink.entry(entry);
            } else {
                sink.problem(entry, problem);
            }
        }
        return number;
    }

    /** Splits a line at semicolons outside double quotes, and gives the entry the fields it reads. */
    private void fields(byte[] line, int from, int to) {
        int count = 0;
        int start = from;
        boolean inQuotes = false;
        boolean hasQuote = false;
        for (int i = from; i <= to; i++) {
            byte b = i < to ? line[i] : (byte) ';';
            if (b == '"') {
                inQuotes = !inQuotes;
                hasQuote = true;
            } else if (b == ';' && (!inQuotes || i == to)) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, 2 * count);
                    ends = Arrays.copyOf(ends, 2 * count);
                    quoted = Arrays.copyOf(quoted, 2 * count);
                }
                starts[count] = start;
                ends[count] = i;
                quoted[count++] = hasQuote;
                start = i + 1;
                hasQuote = false;
            }
        }
        for (int c = 0; c < Math.min(count, roles.length); c++) {
            if (roles[c] >= 0) {
                field(roles[c], line, starts[c], ends[c], quoted[c]);
            }
        }
    }

    private void field(int role, byte[] line, int from, int to, boolean hasQuote) {
        while (from < to && space(line[from])) {
            from++;
        }
        while (to > from && space(line[to - 1])) {
            to--;
        }
        boolean plain = !hasQuote && (from == to || (line[from] >= 0 && line[to - 1] >= 0));
        switch (role) {
            case MD5 -> {
                if (plain) {
                    entry.hash(HashType.MD5, line, from, to - from);
                } else {
                    entry.hash(HashType.MD5, text(line, from, to));
                }
            }
            case SHA1 -> {
                if (plain) {
                    entry.hash(HashType.SHA1, line, from, to - from);
                } else {
                    entry.hash(HashType.SHA1, text(line, from, to));
                }
            }
            case IMAGE_ID -> {
                long number = plain ? decimal(line, from, to) : EntryBuilder.NO_NUMBER;
                if (number != EntryBuilder.NO_NUMBER) {
                    entry.mediaNumber(number);
                } else {
                    entry.mediaId(plain ? new String(line, from, to - from, StandardCharsets.UTF_8) : text(line, from, to));
                }
            }
            case DISTRIBUTED -> entry.distributed(plain ? texts.text(line, from, to, StandardCharsets.UTF_8) : text(line, from, to));
            case VICTIM -> entry.victimIdentified(plain ? texts.text(line, from, to, StandardCharsets.UTF_8) : text(line, from, to));
            case OFFENDER -> entry.offenderIdentified(plain ? texts.text(line, from, to, StandardCharsets.UTF_8) : text(line, from, to));
            case SERIES -> entry.series(plain ? texts.text(line, from, to, StandardCharsets.UTF_8) : text(line, from, to));
            case AGENCY -> entry.agency(plain ? texts.text(line, from, to, StandardCharsets.UTF_8) : text(line, from, to));
            default -> throw new IllegalStateException("no column role " + role);
        }
    }

    /** Whether {@link String#strip} strips this byte: the ASCII white space of {@link Character#isWhitespace}. */
    private static boolean space(byte b) {
        return b == ' ' || (b >= '\t' && b <= '\r') || (b >= 0x1C && b <= 0x1F);
    }

    /** A field the slow way: unquoted (a doubled quote inside quotes stands for one) and stripped, as a string. */
    private static String text(byte[] line, int from, int to) {
        List<String> one = split(new String(line, from, to - from, StandardCharsets.UTF_8));
        return String.join(";", one);
    }

    /** The value of a decimal without sign or leading zero, of up to 18 digits; else {@link EntryBuilder#NO_NUMBER}. */
    private static long decimal(byte[] text, int from, int to) {
        int n = to - from;
        if (n == 0 || n > NUMBER_DIGITS || (text[from] == '0' && n > 1)) {
            return EntryBuilder.NO_NUMBER;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = text[i] - '0';
            if (digit < 0 || digit > 9) {
                return EntryBuilder.NO_NUMBER;
            }
            value = value * 10 + digit;
        }
        return value;
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

    private static void await(Thread thread) throws IOException {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the second thread read", e);
        }
    }

    /** The offset of the first line that starts at or after {@code from} (after a line feed); -1 if none. */
    private static long lineStartFrom(Path file, long from) throws IOException {
        try (InputStream in = open(file, Math.max(0, from - 1))) {
            long offset = Math.max(0, from - 1);
            for (int b = in.read(); b >= 0; b = in.read()) {
                offset++;
                if (b == '\n') {
                    return offset;
                }
            }
            return -1;
        }
    }

    private static InputStream open(Path file, long offset) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            channel.position(offset);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new BufferedInputStream(Channels.newInputStream(channel), 1 << 16);
    }

    /**
     * A file's lines as byte ranges of a buffer that is refilled as they are read (and grows for a line
     * longer than it), each with its file offset.
     */
    private static final class Lines {

        private static final int BUFFER_BYTES = 1 << 20;

        private final InputStream in;
        private byte[] buffer = new byte[BUFFER_BYTES];
        private int pos;
        private int end;
        private long base;
        private boolean eof;
        private int from;
        private int to;
        private long lineOffset;

        Lines(InputStream in, long offset) {
            this.in = in;
            this.base = offset;
        }

        /** The file offset of the next line to read. */
        long offset() {
            return base + pos;
        }

        /** Reads the next line; false at the end of the file. */
        boolean next() throws IOException {
            if (pos == end && !fill()) {
                return false;
            }
            int i = pos;
            while (true) {
                while (i < end && buffer[i] != '\n' && buffer[i] != '\r') {
                    i++;
                }
                if (i < end) {
                    break;
                }
                int before = pos;
                boolean more = fill();
                i -= before - pos; // the buffer may have moved, more read or not
                if (!more) {
                    break; // the last line, without an end
                }
            }
            from = pos;
            to = i;
            lineOffset = base + pos;
            if (i < end && buffer[i] == '\r') {
                i++;
                if (i == end) { // a carriage return at the buffer's end: is a line feed next?
                    int before = pos;
                    fill();
                    int moved = before - pos;
                    i -= moved;
                    from -= moved;
                    to -= moved;
                }
                if (i < end && buffer[i] == '\n') {
                    i++;
                }
            } else if (i < end) {
                i++;
            }
            pos = i;
            return true;
        }

        byte[] bytes() {
            return buffer;
        }

        int from() {
            return from;
        }

        int to() {
            return to;
        }

        String text() {
            return new String(buffer, from, to - from, StandardCharsets.UTF_8);
        }

        boolean blank() {
            for (int i = from; i < to; i++) {
                if (!space(buffer[i])) {
                    return buffer[i] < 0 && text().isBlank(); // white space beyond ASCII: the string knows
                }
            }
            return true;
        }

        /** Reads more, keeping the buffer from {@code pos} on (the line being read); false at the end of the file. */
        private boolean fill() throws IOException {
            if (eof) {
                return false;
            }
            if (pos > 0) {
                System.arraycopy(buffer, pos, buffer, 0, end - pos);
                base += pos;
                end -= pos;
                pos = 0;
            } else if (end == buffer.length) {
                buffer = Arrays.copyOf(buffer, 2 * buffer.length);
            }
            int n = in.read(buffer, end, buffer.length - end);
            while (n == 0) {
                n = in.read(buffer, end, buffer.length - end);
            }
            if (n < 0) {
                eof = true;
                return false;
            }
            end += n;
            return true;
        }
    }
}
