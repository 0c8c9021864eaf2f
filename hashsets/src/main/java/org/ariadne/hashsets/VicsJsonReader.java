package org.ariadne.hashsets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.ariadne.hashsets.JsonScanner.Names;
import org.ariadne.hashsets.JsonScanner.Token;

/**
 * Project VIC JSON, streamed. Version 1.3 ({@code odata.metadata}) lists media under {@code value};
 * version 2.0 ({@code @odata.context}) lists cases there, each with a {@code Media} list, and some 2.0
 * exports list media directly: an item of {@code value} with a {@code Media} list is read as a case,
 * any other as a media item, whatever the version says. A PDQ travels as an {@code AlternativeHashes}
 * entry named {@code PDQ}. Fields Ariadne does not use are skipped unread.
 */
final class VicsJsonReader {

    private final Names top = new Names("odata.metadata", "@odata.context", "value");
    private static final int METADATA_1_3 = 0;
    private static final int CONTEXT_2_0 = 1;
    private static final int VALUE = 2;

    /** The fields of a media item (and {@code Media}, which makes an item a case); each reader learns their order. */
    private final Names fields = new Names("MediaID", "MD5", "SHA1", "SHA256", "Category",
            "VictimIdentified", "OffenderIdentified", "IsDistributed", "Series", "AlternativeHashes", "Media");
    private static final int MEDIA_ID = 0;
    private static final int MD5 = 1;
    private static final int SHA1 = 2;
    private static final int SHA256 = 3;
    private static final int CATEGORY = 4;
    private static final int VICTIM_IDENTIFIED = 5;
    private static final int OFFENDER_IDENTIFIED = 6;
    private static final int IS_DISTRIBUTED = 7;
    private static final int SERIES = 8;
    private static final int ALTERNATIVE_HASHES = 9;
    private static final int MEDIA = 10;

    private final Names alternative = new Names("HashName", "HashValue");
    private static final int HASH_NAME = 0;
    private static final int HASH_VALUE = 1;

    private final JsonScanner json;
    private final RecordSink sink;
    /** The second thread's reading of the second half; null if there is none. */
    private final VicsTail tail;
    /** Whether this reader is that second thread's (it reads from the middle of the file). */
    private final boolean inTail;
    private HashSetFormat format;
    private final EntryBuilder record = new EntryBuilder();
    /** An alternative hash's value, kept until its name (which may come after it) is known. */
    private enum Pending { WORDS, BYTES, TEXT }

    private Pending pending;
    private final long[] pendingWords = new long[4];
    private byte[] pendingBytes = new byte[PENDING_BYTES];
    private int pendingLength;
    private String pendingText;
    private int entries;
    private String lastHashName;
    private HashType lastHashType;

    /** Room for a PDQ's 64 digits; longer values grow it. */
    private static final int PENDING_BYTES = 64;

    private VicsJsonReader(JsonScanner json, RecordSink sink, VicsTail tail, boolean inTail) {
        this.json = json;
        this.sink = sink;
        this.tail = tail;
        this.inTail = inTail;
    }

    /**
     * Reads the VICS file {@code in} is open on (at its start). A {@code file} of {@code splitFrom} bytes
     * or more whose sink takes a later part ({@link RecordSink#later}) is read by two threads, the second
     * from its middle (see {@link VicsTail}).
     */
    static HashSetFormat read(Path file, long size, InputStream in, RecordSink sink, long splitFrom) throws IOException {
        RecordSink.Later later = size >= splitFrom && Runtime.getRuntime().availableProcessors() > 1
                ? sink.later() : null;
        if (later == null) {
            return new VicsJsonReader(new JsonScanner(in), sink, null, false).readDocument();
        }
        try (VicsTail tail = VicsTail.start(file, size, later)) {
            return new VicsJsonReader(new JsonScanner(in), sink, tail, false).readDocument();
        }
    }

    /** The reader of the second thread: see {@link #readTail}. */
    static VicsJsonReader tail(JsonScanner json, RecordSink.Later sink, VicsTail tail) {
        return new VicsJsonReader(json, sink, tail, true);
    }

    /**
     * Reads from the middle of a file, the scanner at an item of {@code value} (see
     * {@link JsonScanner#insideList}): the items, then the rest of the top-level object. True if the file
     * ends there, as it does if the guess was right; false if it does not, or the first thread went past
     * the guess.
     */
    boolean readTail() throws IOException {
        if (readItems()) {
            return false;
        }
        for (int name = json.nextField(top); name != JsonScanner.END_OF_OBJECT; name = json.nextField(top)) {
            json.next();
            switch (name) {
                case METADATA_1_3 -> format = HashSetFormat.VICS_1_3;
                case CONTEXT_2_0 -> format = HashSetFormat.VICS_2_0;
                case VALUE -> {
                    return false; // a second list: the first thread reads it
                }
                default -> json.skipChildren();
            }
        }
        return json.atEnd();
    }

    /** A format named in the part of the file this reader read, or null. */
    HashSetFormat format() {
        return format;
    }

    private HashSetFormat readDocument() throws IOException {
        boolean listed = false;
        try {
            if (json.next() != Token.START_OBJECT) {
                throw new NotAHashSetException("JSON that is not an object, not a VICS hash set");
            }
            boolean rest = false; // whether the second thread read the rest of the file
            for (int name = json.nextField(top); name != JsonScanner.END_OF_OBJECT && !rest;
                    name = rest ? name : json.nextField(top)) {
                Token token = json.next();
                switch (name) {
                    case METADATA_1_3 -> format = HashSetFormat.VICS_1_3;
                    case CONTEXT_2_0 -> format = HashSetFormat.VICS_2_0;
                    case VALUE -> {
                        if (token != Token.START_ARRAY) {
                            throw new NotAHashSetException("VICS JSON whose value is not a list");
                        }
                        listed = true;
                        rest = readItems();
                    }
                    default -> json.skipChildren();
                }
            }
            if (rest && format == null) {
                format = tail.format();
            }
        } catch (JsonScanner.SyntaxException e) {
            if (entries == 0) {
                throw new NotAHashSetException("not valid JSON (" + e.where() + "): " + e.what());
            }
            sink.problem(e.where(), "not valid JSON, the rest of the file is not read: " + e.what());
            return format == null ? HashSetFormat.VICS_2_0 : format;
        }
        if (format == null) {
            throw new NotAHashSetException("JSON without odata.metadata or @odata.context, not a VICS hash set");
        }
        if (!listed) {
            throw new NotAHashSetException("VICS JSON without a value list");
        }
        return format;
    }

    /**
     * The items of {@code value}: cases (with {@code Media}) or media. True if it stopped before the end
     * of the list: the second thread read the rest (or, in that thread, the first went past its guess).
     */
    private boolean readItems() throws IOException {
        int index = 0;
        for (Token token = json.next(); token != Token.END_ARRAY; token = json.next()) {
            int item = index++;
            if (tail != null && (inTail ? tail.abandoned() : tail.reached(json.offset(), item))) {
                return true;
            }
            record.reset();
            record.atItem(item);
            if (token != Token.START_OBJECT) {
                json.skipChildren();
                sink.problem(record, "not an object");
                continue;
            }
            boolean isCase = false;
            for (int name = json.nextField(fields); name != JsonScanner.END_OF_OBJECT; name = json.nextField(fields)) {
                if (name == MEDIA) {
                    if (json.next() == Token.START_ARRAY) {
                        isCase = true;
                        readMediaList(item);
                    } else {
                        json.skipChildren();
                    }
                } else {
                    field(name);
                }
            }
            if (!isCase) {
                report();
            }
        }
        return false;
    }

    private void readMediaList(int caseIndex) throws IOException {
        int index = 0;
        for (Token token = json.next(); token != Token.END_ARRAY; token = json.next()) {
            int item = index++;
            record.reset();
            record.atMedia(caseIndex, item);
            if (token != Token.START_OBJECT) {
                json.skipChildren();
                sink.problem(record, "not an object");
                continue;
            }
            for (int name = json.nextField(fields); name != JsonScanner.END_OF_OBJECT; name = json.nextField(fields)) {
                field(name);
            }
            report();
        }
    }

    private void report() {
        String problem = record.problem();
        if (problem == null) {
            entries++;
            sink.entry(record);
        } else {
            sink.problem(record, problem);
        }
    }

    /** One field of a media item, the scanner on its name: reads the value. */
    private void field(int name) throws IOException {
        switch (name) {
            case MD5 -> hash(HashType.MD5, name, json.nextHex(record.md5()));
            case SHA1 -> hash(HashType.SHA1, name, json.nextHex(record.sha1()));
            case SHA256 -> hash(HashType.SHA256, name, json.nextHex(record.sha256()));
            case ALTERNATIVE_HASHES -> {
                json.next();
                alternativeHashes();
            }
            default -> field(name, json.next());
        }
    }

    private void field(int name, Token value) throws IOException {
        switch (name) {
            case MEDIA_ID -> {
                if (value == Token.NUMBER && json.integer() >= 0) {
                    record.mediaNumber(json.integer());
                } else {
                    record.mediaId(scalar(name, value, false));
                }
            }
            case CATEGORY -> record.category(scalar(name, value, true));
            case VICTIM_IDENTIFIED -> {
                if (value == Token.TRUE || value == Token.FALSE) {
                    record.victimIdentified(value == Token.TRUE);
                } else {
                    record.victimIdentified(scalar(name, value, true));
                }
            }
            case OFFENDER_IDENTIFIED -> {
                if (value == Token.TRUE || value == Token.FALSE) {
                    record.offenderIdentified(value == Token.TRUE);
                } else {
                    record.offenderIdentified(scalar(name, value, true));
                }
            }
            case IS_DISTRIBUTED -> {
                if (value == Token.TRUE || value == Token.FALSE) {
                    record.distributed(value == Token.TRUE);
                } else {
                    record.distributed(scalar(name, value, true));
                }
            }
            case SERIES -> record.series(scalar(name, value, true));
            default -> json.skipChildren();
        }
    }

    /** A hash field: decoded already if it was plain hex of the right length, else read from the token. */
    private void hash(HashType type, int name, boolean decoded) throws IOException {
        if (decoded) {
            record.decoded(type);
        } else if (json.token() == Token.STRING && !json.escaped()) {
            record.hash(type, json.buffer(), json.textStart(), json.textLength());
        } else {
            record.hash(type, scalar(name, json.token(), false));
        }
    }

    /**
     * The value as text (numbers and booleans too; labels that repeat through the cache); null, or a
     * problem if it is a list or an object.
     */
    private String scalar(int name, Token value, boolean repeats) throws IOException {
        return scalar(fields.name(name), value, repeats);
    }

    private String scalar(String name, Token value, boolean repeats) throws IOException {
        if (value == Token.START_OBJECT || value == Token.START_ARRAY) {
            json.skipChildren();
            record.problem(name + ": expected a single value");
            return null;
        }
        return repeats ? json.cachedText() : json.text();
    }

    private void alternativeHashes() throws IOException {
        if (json.token() != Token.START_ARRAY) {
            json.skipChildren();
            return;
        }
        for (Token token = json.next(); token != Token.END_ARRAY; token = json.next()) {
            if (token != Token.START_OBJECT) {
                json.skipChildren();
                continue;
            }
            String hashName = null;
            boolean valued = false;
            for (int name = json.nextField(alternative); name != JsonScanner.END_OF_OBJECT; name = json.nextField(alternative)) {
                switch (name) {
                    case HASH_NAME -> hashName = scalar("HashName", json.next(), true);
                    case HASH_VALUE -> {
                        holdValue();
                        valued = true;
                    }
                    default -> {
                        json.next();
                        json.skipChildren();
                    }
                }
            }
            HashType type = hashType(hashName);
            if (type != null && valued) {
                switch (pending) {
                    case WORDS -> record.hash(type, pendingWords);
                    case BYTES -> record.hash(type, pendingBytes, 0, pendingLength);
                    case TEXT -> record.hash(type, pendingText);
                }
            }
        }
    }

    /** The type an alternative hash's name gives; the last answer is kept, as the names repeat (PDQ). */
    private HashType hashType(String hashName) {
        if (hashName == null) {
            return null;
        }
        if (!hashName.equals(lastHashName)) {
            lastHashName = hashName;
            lastHashType = HashType.named(hashName.replace("-", ""));
        }
        return lastHashType;
    }

    /**
     * Reads and keeps a {@code HashValue} until the entry's {@code HashName} is known (it may come
     * after): decoded if it is 64 hex digits (a PDQ), else as bytes if it can be, else as text.
     */
    private void holdValue() throws IOException {
        if (json.nextHexWords(pendingWords)) {
            pending = Pending.WORDS;
        } else if (json.token() == Token.STRING && !json.escaped()) {
            pendingLength = json.textLength();
            if (pendingLength > pendingBytes.length) {
                pendingBytes = new byte[pendingLength];
            }
            System.arraycopy(json.buffer(), json.textStart(), pendingBytes, 0, pendingLength);
            pending = Pending.BYTES;
        } else {
            pendingText = scalar("HashValue", json.token(), false);
            pending = Pending.TEXT;
        }
    }
}
