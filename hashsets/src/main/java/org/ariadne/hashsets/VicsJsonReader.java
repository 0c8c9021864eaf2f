package org.ariadne.hashsets;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;

/**
 * Project VIC JSON, streamed. Version 1.3 ({@code odata.metadata}) lists media under {@code value};
 * version 2.0 ({@code @odata.context}) lists cases there, each with a {@code Media} list, and some 2.0
 * exports list media directly: an item of {@code value} with a {@code Media} list is read as a case,
 * any other as a media item, whatever the version says. A PDQ travels as an {@code AlternativeHashes}
 * entry named {@code PDQ}. Fields Ariadne does not use are skipped unread.
 */
final class VicsJsonReader {

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build();

    private final JsonParser parser;
    private final HashSetReader.Listener listener;
    private int entries;

    private VicsJsonReader(JsonParser parser, HashSetReader.Listener listener) {
        this.parser = parser;
        this.listener = listener;
    }

    static HashSetFormat read(InputStream in, HashSetReader.Listener listener) throws IOException {
        try (JsonParser parser = JSON.createParser(in)) {
            return new VicsJsonReader(parser, listener).readDocument();
        }
    }

    private HashSetFormat readDocument() throws IOException {
        HashSetFormat format = null;
        boolean listed = false;
        try {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new NotAHashSetException("JSON that is not an object, not a VICS hash set");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                switch (name) {
                    case "odata.metadata" -> format = HashSetFormat.VICS_1_3;
                    case "@odata.context" -> format = HashSetFormat.VICS_2_0;
                    case "value" -> {
                        if (token != JsonToken.START_ARRAY) {
                            throw new NotAHashSetException("VICS JSON whose value is not a list");
                        }
                        readItems();
                        listed = true;
                    }
                    default -> parser.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            if (entries == 0) {
                throw new NotAHashSetException("not valid JSON (" + where() + "): " + e.getOriginalMessage());
            }
            listener.problem(where(), "not valid JSON, the rest of the file is not read: " + e.getOriginalMessage());
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

    private String where() {
        var at = parser.currentLocation();
        return "line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    /** The items of {@code value}: cases (with {@code Media}) or media. */
    private void readItems() throws IOException {
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            String path = "$.value[" + index++ + "]";
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                listener.problem(path, "not an object");
                continue;
            }
            EntryBuilder media = new EntryBuilder();
            boolean isCase = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                if (name.equals("Media") && token == JsonToken.START_ARRAY) {
                    isCase = true;
                    readMediaList(path + ".Media");
                } else {
                    field(media, name);
                }
            }
            if (!isCase) {
                report(media, path);
            }
        }
    }

    private void readMediaList(String path) throws IOException {
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            String itemPath = path + "[" + index++ + "]";
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                listener.problem(itemPath, "not an object");
                continue;
            }
            EntryBuilder media = new EntryBuilder();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                field(media, name);
            }
            report(media, itemPath);
        }
    }

    private void report(EntryBuilder media, String path) {
        String problem = media.problem();
        if (problem == null) {
            entries++;
            listener.entry(media.build(path));
        } else {
            listener.problem(path, problem);
        }
    }

    /** One field of a media item, the parser on its value. */
    private void field(EntryBuilder media, String name) throws IOException {
        switch (name) {
            case "MediaID" -> media.mediaId(scalar(media, name));
            case "MD5" -> media.hash(HashType.MD5, scalar(media, name));
            case "SHA1" -> media.hash(HashType.SHA1, scalar(media, name));
            case "SHA256" -> media.hash(HashType.SHA256, scalar(media, name));
            case "Category" -> media.category(scalar(media, name));
            case "VictimIdentified" -> media.victimIdentified(scalar(media, name));
            case "OffenderIdentified" -> media.offenderIdentified(scalar(media, name));
            case "IsDistributed" -> media.distributed(scalar(media, name));
            case "Series" -> media.series(scalar(media, name));
            case "AlternativeHashes" -> alternativeHashes(media);
            default -> parser.skipChildren();
        }
    }

    /** The value as text (numbers and booleans too); null, or a problem if it is a list or an object. */
    private String scalar(EntryBuilder media, String name) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            parser.skipChildren();
            media.problem(name + ": expected a single value");
            return null;
        }
        return token == JsonToken.VALUE_NULL ? null : parser.getText();
    }

    private void alternativeHashes(EntryBuilder media) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                continue;
            }
            String hashName = null;
            String hashValue = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                switch (name) {
                    case "HashName" -> hashName = scalar(media, name);
                    case "HashValue" -> hashValue = scalar(media, name);
                    default -> parser.skipChildren();
                }
            }
            HashType type = hashName == null ? null : HashType.named(hashName.replace("-", ""));
            if (type != null) {
                media.hash(type, hashValue);
            }
        }
    }
}
