package org.ariadne.hashsets;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.ariadne.hashing.crypto.CryptoAlgorithm;
import org.ariadne.hashing.crypto.CryptoHash;
import org.ariadne.hashing.pdq.PdqHash;

/**
 * Seeded, benign VICS documents for tests, with the entries a reader must find in them: random hashes,
 * synthetic labels, and every liberty JSON allows a writer (white space anywhere, fields in any order,
 * escapes, non-ASCII text, fields a reader does not know, nested). Each well-formed media item is an
 * expected {@link HashSetEntry}; {@link #malformed} items (no hash) are expected problems.
 */
final class VicsDocuments {

    private static final HexFormat HEX = HexFormat.of();
    private static final String[] SPACES = {"", "", "", " ", "\n", "\t", "\r\n", "\n    ", "  "};
    private static final String[] LABELS = {"series-0001", "series-0002", "Série \"B\"", "系列 7",
        "back\\slash", "smile \uD83D\uDE00", "  padded  ", "tab\there"};
    private static final String[] FLAG_TEXTS = {"Yes", "no", "Y", "n", "TRUE", "false", "1", "0"};

    final String json;
    final List<HashSetEntry> entries = new ArrayList<>();
    /** The problems expected, as {@code location: message}. */
    final List<String> problems = new ArrayList<>();

    private final Random random;
    private final StringBuilder out = new StringBuilder();
    private final boolean pretty;
    private final int repeatEvery;

    /**
     * A document of {@code items} items of {@code value}: in version 2.0 mostly cases of up to
     * {@code maxMedia} media, now and then a media item listed directly; in 1.3 media items only. One
     * item in {@code malformedEvery} has no hash, and one in {@code repeatEvery} the hashes of an earlier
     * entry, with labels of its own (0: none).
     */
    VicsDocuments(long seed, boolean version2, int items, int maxMedia, int malformedEvery, int repeatEvery,
            boolean pretty) {
        this.random = new Random(seed);
        this.pretty = pretty;
        this.repeatEvery = repeatEvery;
        out.append('{');
        boolean contextFirst = random.nextBoolean();
        String versionField = version2 ? "\"@odata.context\": \"http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/US/$metadata#Cases\""
                : "\"odata.metadata\": \"http://github.com/VICSDATAMODEL/ProjectVic/DataModels/1.3.xml#Media\"";
        if (contextFirst) {
            space().append(versionField).append(',');
        }
        space().append("\"value\"").append(space0()).append(':').append(space0()).append('[');
        for (int item = 0; item < items; item++) {
            if (item > 0) {
                out.append(',');
            }
            space();
            if (version2 && random.nextInt(10) > 0) {
                writeCase(item, 1 + random.nextInt(maxMedia), malformedEvery);
            } else {
                writeMedia(-1, item, malformedEvery);
            }
        }
        space().append(']');
        if (!contextFirst) {
            out.append(',');
            space().append(versionField);
        }
        if (random.nextBoolean()) {
            out.append(',');
            space().append("\"@odata.count\": ").append(items);
        }
        space().append('}').append('\n');
        json = out.toString();
    }

    private void writeCase(int caseIndex, int media, int malformedEvery) {
        out.append('{');
        List<Runnable> fields = new ArrayList<>();
        fields.add(() -> out.append("\"CaseID\":").append(space0()).append(caseIndex + 1));
        fields.add(() -> out.append("\"CaseNumber\":").append(space0()).append(string("SYN-" + caseIndex)));
        if (random.nextInt(4) == 0) {
            fields.add(() -> out.append("\"Notes\":").append(space0()).append(unknownValue(2)));
        }
        java.util.Collections.shuffle(fields, random);
        fields.add(random.nextInt(fields.size() + 1), () -> {
            out.append("\"Media\":").append(space0()).append('[');
            for (int m = 0; m < media; m++) {
                if (m > 0) {
                    out.append(',');
                }
                space();
                writeMedia(caseIndex, m, malformedEvery);
            }
            space().append(']');
        });
        writeFields(fields);
        space().append('}');
    }

    private void writeMedia(int caseIndex, int index, int malformedEvery) {
        String location = caseIndex < 0 ? "$.value[" + index + "]" : "$.value[" + caseIndex + "].Media[" + index + "]";
        boolean malformed = malformedEvery > 0 && random.nextInt(malformedEvery) == 0;
        List<Runnable> fields = new ArrayList<>();

        Object mediaId = switch (random.nextInt(5)) {
            case 0 -> null;
            case 1 -> "M-" + random.nextInt(1000) + "é";
            case 2 -> "00" + random.nextInt(100); // text: a leading zero keeps it from being a number
            default -> (long) random.nextInt(Integer.MAX_VALUE);
        };
        if (mediaId != null || random.nextBoolean()) {
            fields.add(() -> out.append("\"MediaID\":").append(space0())
                    .append(mediaId == null ? "null" : mediaId instanceof Long l ? l.toString() : string((String) mediaId)));
        }
        HashSetEntry earlier = !malformed && repeatEvery > 0 && !entries.isEmpty() && random.nextInt(repeatEvery) == 0
                ? entries.get(random.nextInt(entries.size())) : null;
        CryptoHash md5 = earlier != null ? earlier.md5()
                : malformed || random.nextInt(8) == 0 ? null : crypto(CryptoAlgorithm.MD5);
        CryptoHash sha1 = earlier != null ? earlier.sha1()
                : malformed || random.nextInt(8) == 0 ? null : crypto(CryptoAlgorithm.SHA1);
        CryptoHash sha256 = earlier != null ? earlier.sha256()
                : malformed || random.nextInt(3) > 0 ? null : crypto(CryptoAlgorithm.SHA256);
        PdqHash pdq = earlier != null ? earlier.pdq() : malformed || random.nextInt(6) == 0 ? null
                : new PdqHash(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
        boolean noHash = md5 == null && sha1 == null && sha256 == null && pdq == null;
        if (md5 != null) {
            fields.add(() -> out.append("\"MD5\":").append(space0()).append(hex(md5.hex())));
        }
        if (sha1 != null) {
            fields.add(() -> out.append("\"SHA1\":").append(space0()).append(hex(sha1.hex())));
        }
        boolean sha256Alternative = random.nextBoolean();
        if (sha256 != null && !sha256Alternative) {
            fields.add(() -> out.append("\"SHA256\":").append(space0()).append(hex(sha256.hex())));
        }
        if (pdq != null || (sha256 != null && sha256Alternative) || random.nextInt(4) == 0) {
            fields.add(() -> alternativeHashes(pdq, sha256Alternative ? sha256 : null));
        }
        String[] category = {null};
        switch (random.nextInt(4)) {
            case 0 -> {
                int c = random.nextInt(6);
                category[0] = Integer.toString(c);
                fields.add(() -> out.append("\"Category\":").append(space0()).append(c));
            }
            case 1 -> {
                String c = LABELS[random.nextInt(LABELS.length)];
                category[0] = c.strip();
                fields.add(() -> out.append("\"Category\":").append(space0()).append(string(c)));
            }
            case 2 -> fields.add(() -> out.append("\"Category\":").append(space0()).append("null"));
            default -> { }
        }
        Boolean victim = flag("VictimIdentified", fields);
        Boolean offender = flag("OffenderIdentified", fields);
        Boolean distributed = flag("IsDistributed", fields);
        String series = random.nextInt(3) == 0 ? null : LABELS[random.nextInt(LABELS.length)];
        if (series != null || random.nextBoolean()) {
            fields.add(() -> out.append("\"Series\":").append(space0()).append(series == null ? "null" : string(series)));
        }
        for (int u = random.nextInt(3); u > 0; u--) {
            String name = "Extra" + random.nextInt(5);
            fields.add(() -> out.append(string(name)).append(':').append(space0()).append(unknownValue(3)));
        }
        java.util.Collections.shuffle(fields, random);
        out.append('{');
        writeFields(fields);
        space().append('}');

        if (noHash) {
            problems.add(location + ": no hash");
        } else {
            String id = mediaId == null ? null : mediaId.toString().strip();
            entries.add(new HashSetEntry(location, id, md5, sha1, sha256, pdq, category[0], victim, offender,
                    distributed, series == null ? null : series.strip(), null));
        }
    }

    private void alternativeHashes(PdqHash pdq, CryptoHash sha256) {
        List<String[]> hashes = new ArrayList<>();
        if (random.nextBoolean()) {
            hashes.add(new String[] {"PhotoDNA", "not read: " + random.nextInt()});
        }
        if (pdq != null) {
            hashes.add(new String[] {random.nextBoolean() ? "PDQ" : "pdq", pdq.hex()});
        }
        if (sha256 != null) {
            hashes.add(new String[] {"SHA-256", sha256.hex()});
        }
        java.util.Collections.shuffle(hashes, random);
        out.append("\"AlternativeHashes\":").append(space0()).append('[');
        for (int h = 0; h < hashes.size(); h++) {
            if (h > 0) {
                out.append(',');
            }
            String[] hash = hashes.get(h);
            boolean hex = !hash[0].equals("PhotoDNA");
            String name = "\"HashName\":" + space0() + string(hash[0]);
            String value = "\"HashValue\":" + space0() + (hex ? hex(hash[1]) : string(hash[1]));
            space().append('{').append(space0());
            if (random.nextBoolean()) {
                out.append(name).append(',').append(space0()).append(value);
            } else {
                out.append(value).append(',').append(space0()).append(name);
            }
            out.append(space0()).append('}');
        }
        space().append(']');
    }

    /** A flag as JSON true/false, as text (Yes, n, 1...), null or absent; returns what it means. */
    private Boolean flag(String name, List<Runnable> fields) {
        switch (random.nextInt(5)) {
            case 0, 1 -> {
                boolean value = random.nextBoolean();
                fields.add(() -> out.append('"').append(name).append("\":").append(space0()).append(value));
                return value;
            }
            case 2 -> {
                String text = FLAG_TEXTS[random.nextInt(FLAG_TEXTS.length)];
                fields.add(() -> out.append('"').append(name).append("\":").append(space0()).append(string(text)));
                return switch (text.toLowerCase(Locale.ROOT)) {
                    case "yes", "y", "true", "1" -> true;
                    default -> false;
                };
            }
            case 3 -> {
                fields.add(() -> out.append('"').append(name).append("\":").append(space0()).append("null"));
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    private void writeFields(List<Runnable> fields) {
        for (int f = 0; f < fields.size(); f++) {
            if (f > 0) {
                out.append(',');
            }
            space();
            fields.get(f).run();
        }
    }

    /** A value of a field no reader knows: nested lists and objects, strings, numbers, literals. */
    private String unknownValue(int depth) {
        return switch (depth <= 0 ? random.nextInt(5) : random.nextInt(7)) {
            case 0 -> string(LABELS[random.nextInt(LABELS.length)]);
            case 1 -> List.of("-0", "12.5e-3", "7", "-123456789012345678901234567890", "0.0", "1E+2")
                    .get(random.nextInt(6));
            case 2 -> "true";
            case 3 -> "false";
            case 4 -> "null";
            case 5 -> {
                StringBuilder list = new StringBuilder("[");
                for (int i = random.nextInt(3); i > 0; i--) {
                    list.append(unknownValue(depth - 1)).append(i > 1 ? "," + space0() : "");
                }
                yield list.append(']').toString();
            }
            default -> {
                StringBuilder object = new StringBuilder("{");
                for (int i = random.nextInt(3); i > 0; i--) {
                    object.append(string("k" + i)).append(':').append(unknownValue(depth - 1)).append(i > 1 ? "," : "");
                }
                yield object.append('}').toString();
            }
        };
    }

    private CryptoHash crypto(CryptoAlgorithm algorithm) {
        byte[] bytes = new byte[algorithm.bytes()];
        random.nextBytes(bytes);
        return CryptoHash.of(algorithm, bytes);
    }

    /** Hex digits as a JSON string: in either case, now and then padded with spaces or an escape. */
    private String hex(String digits) {
        String text = switch (random.nextInt(6)) {
            case 0 -> digits.toUpperCase(Locale.ROOT);
            case 1 -> " " + digits + " ";
            default -> digits;
        };
        if (random.nextInt(20) == 0) { // an escaped first digit: the slow path must give the same hash
            return "\"\\u00" + HEX.toHexDigits((byte) text.charAt(0)) + text.substring(1) + "\"";
        }
        return "\"" + text + "\"";
    }

    /** A JSON string of {@code text}, with the escapes it needs and, at random, some it does not. */
    private String string(String text) {
        StringBuilder s = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                s.append('\\').append(c);
            } else if (c < 0x20) {
                s.append(c == '\t' && random.nextBoolean() ? "\\t" : String.format("\\u%04x", (int) c));
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                if (random.nextBoolean()) { // a pair of escapes, or the character as it is
                    s.append(String.format("\\u%04X\\u%04x", (int) c, (int) text.charAt(i + 1)));
                } else {
                    s.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (random.nextInt(15) == 0) {
                s.append(String.format("\\u%04X", (int) c));
            } else if (c == '/' && random.nextBoolean()) {
                s.append("\\/");
            } else {
                s.append(c);
            }
        }
        return s.append('"').toString();
    }

    private StringBuilder space() {
        if (pretty) {
            out.append(SPACES[random.nextInt(SPACES.length)]);
        }
        return out;
    }

    private String space0() {
        return pretty ? SPACES[random.nextInt(SPACES.length)] : "";
    }
}
