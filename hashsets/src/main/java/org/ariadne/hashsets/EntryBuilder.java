package org.ariadne.hashsets;

import java.util.Locale;
import org.ariadne.hashing.crypto.CryptoAlgorithm;
import org.ariadne.hashing.crypto.CryptoHash;
import org.ariadne.hashing.pdq.PdqHash;

/**
 * Collects one record's fields as a reader meets them. A malformed field does not stop the reader: the
 * first problem is kept, and the record is reported and skipped when it ends.
 */
final class EntryBuilder {

    private String mediaId;
    private CryptoHash md5;
    private CryptoHash sha1;
    private CryptoHash sha256;
    private PdqHash pdq;
    private String category;
    private Boolean victimIdentified;
    private Boolean offenderIdentified;
    private Boolean distributed;
    private String series;
    private String agency;
    private String problem;

    void mediaId(String text) {
        mediaId = blankToNull(text);
    }

    void category(String text) {
        category = blankToNull(text);
    }

    void series(String text) {
        series = blankToNull(text);
    }

    void agency(String text) {
        agency = blankToNull(text);
    }

    void victimIdentified(String text) {
        victimIdentified = flag("victim identified", text);
    }

    void offenderIdentified(String text) {
        offenderIdentified = flag("offender identified", text);
    }

    void distributed(String text) {
        distributed = flag("distributed", text);
    }

    /** A hash of the given type; an empty value means the set does not give it. */
    void hash(HashType type, String text) {
        String value = blankToNull(text);
        if (value == null) {
            return;
        }
        try {
            switch (type) {
                case MD5 -> md5 = new CryptoHash(CryptoAlgorithm.MD5, value);
                case SHA1 -> sha1 = new CryptoHash(CryptoAlgorithm.SHA1, value);
                case SHA256 -> sha256 = new CryptoHash(CryptoAlgorithm.SHA256, value);
                case PDQ -> pdq = PdqHash.parse(value);
            }
        } catch (IllegalArgumentException e) {
            problem(e.getMessage());
        }
    }

    /** Marks the record malformed (the first reason is the one reported). */
    void problem(String message) {
        if (problem == null) {
            problem = message;
        }
    }

    /** Why the record cannot be used, or null if it can. */
    String problem() {
        if (problem == null && md5 == null && sha1 == null && sha256 == null && pdq == null) {
            return "no hash";
        }
        return problem;
    }

    HashSetEntry build(String location) {
        return new HashSetEntry(location, mediaId, md5, sha1, sha256, pdq, category, victimIdentified,
                offenderIdentified, distributed, series, agency);
    }

    /** Y/N, Yes/No, True/False, 1/0 in any case; empty means unknown. */
    private Boolean flag(String field, String text) {
        String value = blankToNull(text);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "y", "yes", "true", "1" -> Boolean.TRUE;
            case "n", "no", "false", "0" -> Boolean.FALSE;
            default -> {
                problem(field + ": not a yes/no value: '" + value + "'");
                yield null;
            }
        };
    }

    private static String blankToNull(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        return s.isEmpty() ? null : s;
    }
}
