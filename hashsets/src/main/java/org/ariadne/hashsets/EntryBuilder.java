package org.ariadne.hashsets;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.ariadne.hashing.crypto.CryptoAlgorithm;
import org.ariadne.hashing.crypto.CryptoHash;
import org.ariadne.hashing.pdq.PdqHash;

/**
 * One record's fields as a reader meets them, reused from record to record ({@link #reset}): hashes as
 * bytes and words, flags as small numbers, so that reading ten million records makes no object for
 * each. A malformed field does not stop the reader: the first problem is kept, and the record is
 * reported and skipped when it ends.
 */
final class EntryBuilder {

    /** A flag the record leaves empty. */
    static final int UNKNOWN = 0;
    static final int YES = 1;
    static final int NO = 2;

    /** No numeric media id (the id is text, or absent). */
    static final long NO_NUMBER = -1;
    /** Decimal ids of up to this many digits are held as numbers (they fit a long). */
    private static final int NUMBER_DIGITS = 18;

    private final byte[] md5 = new byte[CryptoAlgorithm.MD5.bytes()];
    private final byte[] sha1 = new byte[CryptoAlgorithm.SHA1.bytes()];
    private final byte[] sha256 = new byte[CryptoAlgorithm.SHA256.bytes()];
    private final long[] pdq = new long[4];
    private boolean hasMd5;
    private boolean hasSha1;
    private boolean hasSha256;
    private boolean hasPdq;

    private boolean lines;
    private int caseIndex;
    private int index;
    private String mediaText;
    private long mediaNumber;
    private String category;
    private int victimIdentified;
    private int offenderIdentified;
    private int distributed;
    private String series;
    private String agency;
    private String problem;

    EntryBuilder() {
        reset();
    }

    /** Clears every field, for the next record. */
    void reset() {
        hasMd5 = hasSha1 = hasSha256 = hasPdq = false;
        lines = false;
        caseIndex = -1;
        index = 0;
        mediaText = null;
        mediaNumber = NO_NUMBER;
        category = series = agency = problem = null;
        victimIdentified = offenderIdentified = distributed = UNKNOWN;
    }

    // ---- where the record is ----

    /** The record is line {@code line} of a text file. */
    void atLine(int line) {
        lines = true;
        index = line;
    }

    /** The record is item {@code index} of a VICS file's {@code value} list. */
    void atItem(int index) {
        this.index = index;
    }

    /** The record is media item {@code index} of the case that is item {@code caseIndex} of {@code value}. */
    void atMedia(int caseIndex, int index) {
        this.caseIndex = caseIndex;
        this.index = index;
    }

    boolean lines() {
        return lines;
    }

    /** The case (item of {@code value}) the record is in, or -1 if it is no case's media item. */
    int caseIndex() {
        return caseIndex;
    }

    /** The record's line, or its position in its list. */
    int index() {
        return index;
    }

    /** Where the record is, for people: {@code line 12}, {@code $.value[3]}, {@code $.value[3].Media[0]}. */
    String location() {
        return location(lines, caseIndex, index);
    }

    static String location(boolean lines, int caseIndex, int index) {
        if (lines) {
            return "line " + index;
        }
        return caseIndex < 0 ? "$.value[" + index + "]" : "$.value[" + caseIndex + "].Media[" + index + "]";
    }

    // ---- fields ----

    void mediaId(String text) {
        String value = blankToNull(text);
        long number = value == null ? NO_NUMBER : decimal(value);
        if (number != NO_NUMBER) {
            mediaNumber(number);
        } else {
            mediaText = value;
            mediaNumber = NO_NUMBER;
        }
    }

    /** A media id given as a number (a JSON integer), held without making its text. */
    void mediaNumber(long number) {
        mediaNumber = number;
        mediaText = null;
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

    void victimIdentified(boolean value) {
        victimIdentified = value ? YES : NO;
    }

    void offenderIdentified(boolean value) {
        offenderIdentified = value ? YES : NO;
    }

    void distributed(boolean value) {
        distributed = value ? YES : NO;
    }

    /**
     * A hash of the given type, as ASCII bytes: exactly the hex digits, decoded where they lie; anything
     * else (spaces, a wrong length, a bad digit) through {@link #hash(HashType, String)}, which says
     * what is wrong.
     */
    void hash(HashType type, byte[] text, int from, int length) {
        if (length != type.hexDigits() || !decode(type, text, from)) {
            hash(type, new String(text, from, length, StandardCharsets.UTF_8));
        }
    }

    /** A hash of the given type; an empty value means the set does not give it. */
    void hash(HashType type, String text) {
        String value = blankToNull(text);
        if (value == null) {
            return;
        }
        if (value.length() == type.hexDigits() && decode(type, value)) {
            return;
        }
        try { // the value's own type says what is wrong with it
            switch (type) {
                case MD5 -> new CryptoHash(CryptoAlgorithm.MD5, value);
                case SHA1 -> new CryptoHash(CryptoAlgorithm.SHA1, value);
                case SHA256 -> new CryptoHash(CryptoAlgorithm.SHA256, value);
                case PDQ -> PdqHash.parse(value);
            }
            problem(type.prefix() + ": not a hex value: '" + value + "'");
        } catch (IllegalArgumentException e) {
            problem(e.getMessage());
        }
    }

    /** The hash of this type was decoded into its array ({@link #md5()}, {@link #pdq()}...) by the reader. */
    void decoded(HashType type) {
        given(type);
    }

    /**
     * A 64-digit hash the reader decoded into words before it knew its type: a PDQ as it is, a SHA-256
     * as the same digits' bytes; for any other type, the digits are handed on as text (to be refused).
     */
    void hash(HashType type, long[] words) {
        switch (type) {
            case PDQ -> {
                System.arraycopy(words, 0, pdq, 0, pdq.length);
                given(type);
            }
            case SHA256 -> {
                for (int i = 0; i < sha256.length; i++) {
                    sha256[i] = (byte) (words[i / Long.BYTES] >>> (56 - 8 * (i % Long.BYTES)));
                }
                given(type);
            }
            default -> hash(type, new PdqHash(words[0], words[1], words[2], words[3]).hex());
        }
    }

    private boolean decode(HashType type, byte[] text, int from) {
        boolean good = switch (type) {
            case MD5 -> Hex.decode(text, from, md5);
            case SHA1 -> Hex.decode(text, from, sha1);
            case SHA256 -> Hex.decode(text, from, sha256);
            case PDQ -> Hex.decodeWords(text, from, pdq);
        };
        return good && given(type);
    }

    private boolean decode(HashType type, String text) {
        boolean good = switch (type) {
            case MD5 -> Hex.decode(text, 0, md5);
            case SHA1 -> Hex.decode(text, 0, sha1);
            case SHA256 -> Hex.decode(text, 0, sha256);
            case PDQ -> Hex.decodeWords(text, 0, pdq);
        };
        return good && given(type);
    }

    private boolean given(HashType type) {
        switch (type) {
            case MD5 -> hasMd5 = true;
            case SHA1 -> hasSha1 = true;
            case SHA256 -> hasSha256 = true;
            case PDQ -> hasPdq = true;
        }
        return true;
    }

    /** Marks the record malformed (the first reason is the one reported). */
    void problem(String message) {
        if (problem == null) {
            problem = message;
        }
    }

    /** Why the record cannot be used, or null if it can. */
    String problem() {
        if (problem == null && !hasMd5 && !hasSha1 && !hasSha256 && !hasPdq) {
            return "no hash";
        }
        return problem;
    }

    // ---- what was read ----

    boolean has(HashType type) {
        return switch (type) {
            case MD5 -> hasMd5;
            case SHA1 -> hasSha1;
            case SHA256 -> hasSha256;
            case PDQ -> hasPdq;
        };
    }

    /** The MD5's bytes (this builder's own array: read, don't keep). */
    byte[] md5() {
        return md5;
    }

    byte[] sha1() {
        return sha1;
    }

    byte[] sha256() {
        return sha256;
    }

    /** The bytes of the crypto hash of {@code algorithm} (this builder's own array). */
    byte[] crypto(CryptoAlgorithm algorithm) {
        return switch (algorithm) {
            case MD5 -> md5;
            case SHA1 -> sha1;
            case SHA256 -> sha256;
        };
    }

    /** The PDQ's words, w0 first (this builder's own array). */
    long[] pdq() {
        return pdq;
    }

    /** The media id if it is a number (decimal, no sign, no leading zero), else {@link #NO_NUMBER}. */
    long mediaNumber() {
        return mediaNumber;
    }

    /** The media id if it is text rather than a number, else null. */
    String mediaText() {
        return mediaText;
    }

    String mediaId() {
        return mediaNumber != NO_NUMBER ? Long.toString(mediaNumber) : mediaText;
    }

    String category() {
        return category;
    }

    String series() {
        return series;
    }

    String agency() {
        return agency;
    }

    int victimIdentified() {
        return victimIdentified;
    }

    int offenderIdentified() {
        return offenderIdentified;
    }

    int distributed() {
        return distributed;
    }

    HashSetEntry build() {
        return new HashSetEntry(location(), mediaId(),
                hasMd5 ? CryptoHash.of(CryptoAlgorithm.MD5, md5.clone()) : null,
                hasSha1 ? CryptoHash.of(CryptoAlgorithm.SHA1, sha1.clone()) : null,
                hasSha256 ? CryptoHash.of(CryptoAlgorithm.SHA256, sha256.clone()) : null,
                hasPdq ? new PdqHash(pdq[0], pdq[1], pdq[2], pdq[3]) : null,
                category, bool(victimIdentified), bool(offenderIdentified), bool(distributed), series, agency);
    }

    /** A flag as the entry record holds it: true, false or null (unknown). */
    static Boolean bool(int flag) {
        return flag == UNKNOWN ? null : flag == YES;
    }

    /** Y/N, Yes/No, True/False, 1/0 in any case; empty means unknown. */
    private int flag(String field, String text) {
        String value = blankToNull(text);
        if (value == null) {
            return UNKNOWN;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "y", "yes", "true", "1" -> YES;
            case "n", "no", "false", "0" -> NO;
            default -> {
                problem(field + ": not a yes/no value: '" + value + "'");
                yield UNKNOWN;
            }
        };
    }

    /** The value of a decimal without sign or leading zero, of up to 18 digits; else {@link #NO_NUMBER}. */
    private static long decimal(String text) {
        int n = text.length();
        if (n == 0 || n > NUMBER_DIGITS || (text.charAt(0) == '0' && n > 1)) {
            return NO_NUMBER;
        }
        long value = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return NO_NUMBER;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static String blankToNull(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        return s.isEmpty() ? null : s;
    }
}
