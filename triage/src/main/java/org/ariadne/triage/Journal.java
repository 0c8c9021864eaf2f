package org.ariadne.triage;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code report.jsonl}, which is also the run's journal: a record is written, flushed, and from then on
 * its file counts as done. A run killed at any moment (even {@code kill -9}) leaves whole lines and at
 * most one line cut short; resuming drops that tail and skips every path already recorded, so that no
 * file is hashed twice and no record is missing or duplicated.
 */
final class Journal implements Closeable {

    static final String FILE = "report.jsonl";

    private final BufferedWriter out;
    private final Set<String> done;

    private Journal(BufferedWriter out, Set<String> done) {
        this.out = out;
        this.done = done;
    }

    /** Starts a new journal; refuses to overwrite one. */
    static Journal create(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        return new Journal(writer(file, StandardOpenOption.CREATE_NEW), new HashSet<>());
    }

    /** Reopens a journal to finish its run: whole records are kept, a cut-short last line is dropped. */
    static Journal resume(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        if (!Files.exists(file)) {
            return create(folder);
        }
        Set<String> done = new HashSet<>();
        long whole = scan(file, record -> done.add(record.path()));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(whole);
        }
        return new Journal(writer(file, StandardOpenOption.APPEND), done);
    }

    private static BufferedWriter writer(Path file, StandardOpenOption mode) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(
                Files.newOutputStream(file, mode, StandardOpenOption.WRITE), StandardCharsets.UTF_8), 1 << 16);
    }

    /** Whether a previous run recorded this path already. */
    boolean isDone(String path) {
        return done.contains(path);
    }

    int resumed() {
        return done.size();
    }

    void write(TriageRecord record) {
        try {
            out.write(ReportLines.write(record));
            out.write('\n');
            // Handed to the operating system at once: a killed process loses nothing already written.
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE, e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** Every whole record of a journal, in order. */
    static List<TriageRecord> read(Path folder) throws IOException {
        List<TriageRecord> records = new ArrayList<>();
        scan(folder.resolve(FILE), records::add);
        return records;
    }

    /**
     * Reads whole lines; stops at the first line that is cut short or unreadable (only a kill leaves
     * one, and only last). Returns the byte length of what was whole.
     */
    private static long scan(Path file, Consumer<TriageRecord> records) throws IOException {
        long whole = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
            for (int b; (b = in.read()) >= 0; ) {
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                TriageRecord record;
                try {
                    record = ReportLines.read(line.toString(StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    break;
                }
                records.accept(record);
                whole += line.size() + 1;
                line.reset();
            }
        }
        return whole;
    }
}
