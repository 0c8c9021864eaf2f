package org.ariadne.hashsets;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a hash set of any supported format ({@link HashSetFormat}), recognised by its content, not its
 * name: JSON is VICS, a first line starting {@code MD5;} is the ICSE export, anything else textual
 * is a plain list. Entries and problems go to a {@link Listener} as they are read.
 */
public final class HashSetReader {

    /**
     * A VICS or ICSE file this large or larger is read by two threads (if its reader's sink takes a later
     * part): below it, a second thread would cost more than it saves.
     */
    static final long SPLIT_FROM = 64L << 20;

    /** How much of the file's start is looked at to recognise it. */
    private static final int SNIFF_BYTES = 4096;

    /** Receives what a reader finds, in file order. */
    public interface Listener {

        /** A well-formed entry. */
        void entry(HashSetEntry entry);

        /** A malformed record, skipped: where it is ({@code line 12}, {@code $.value[3]}) and what is wrong. */
        void problem(String location, String message);
    }

    private HashSetReader() {
    }

    /**
     * Reads {@code file}. {@code plainType} is the type of the unprefixed hashes of a plain list (null:
     * told by their length where it can be: 32 hex digits MD5, 40 SHA-1).
     *
     * @return the format the file was read as
     * @throws NotAHashSetException if the file is not a hash set at all
     */
    public static HashSetFormat read(Path file, HashType plainType, Listener listener) throws IOException {
        return read(file, plainType, new RecordSink() {
            @Override
            public void entry(EntryBuilder record) {
                listener.entry(record.build());
            }

            @Override
            public void problem(String location, String message) {
                listener.problem(location, message);
            }
        }, SPLIT_FROM);
    }

    /**
     * As {@link #read(Path, HashType, Listener)}, handing on each record's fields as they are. A VICS or
     * ICSE file of {@code splitFrom} bytes or more is read by two threads if the sink takes a later part
     * ({@link RecordSink#later}; {@link #SPLIT_FROM} is the size where that starts to pay).
     */
    static HashSetFormat read(Path file, HashType plainType, RecordSink sink, long splitFrom) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            in.mark(SNIFF_BYTES);
            byte[] start = in.readNBytes(SNIFF_BYTES);
            in.reset();
            for (byte b : start) {
                if (b == 0) {
                    throw new NotAHashSetException("a binary file, not a hash set");
                }
            }
            String text = new String(start, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
            if (text.isEmpty()) {
                throw new NotAHashSetException("an empty file, not a hash set");
            }
            if (text.charAt(0) == '{' || text.charAt(0) == '[') {
                return VicsJsonReader.read(file, Files.size(file), in, sink, splitFrom);
            }
            if (text.toLowerCase(Locale.ROOT).replace(" ", "").startsWith("md5;")) {
                IcseCsvReader.read(file, Files.size(file), in, sink, splitFrom);
                return HashSetFormat.ICSE_CSV;
            }
            PlainListReader.read(in, plainType, sink);
            return HashSetFormat.PLAIN_LIST;
        }
    }
}
