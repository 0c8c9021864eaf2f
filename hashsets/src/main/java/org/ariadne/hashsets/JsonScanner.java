package org.ariadne.hashsets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A strict JSON tokenizer over UTF-8 bytes, written for VICS files of gigabytes. Jackson's streaming
 * parser alone needs 7 to 8 seconds to tokenize a 3.4 GB, ten-million-entry VICS file on the benchmark
 * machine, most of the 10 s a load may take (bench/RESULTS.md); this one hands out strings as byte
 * ranges of its buffer, so hashes are decoded where they lie, finds a string's end eight bytes at a
 * time, and matches field names without making strings of them.
 *
 * <p>Pull-style, like Jackson's {@code JsonParser}: {@link #next} gives the next {@link Token}; a name
 * token has its colon read. What it checks is the JSON grammar, a nesting limit and a token length
 * limit. It does not check that the bytes are valid UTF-8: text is decoded with replacement characters,
 * and a string it only skips is not decoded at all. It stops after the top-level value, reading nothing
 * after it.
 */
final class JsonScanner {

    enum Token { START_OBJECT, END_OBJECT, START_ARRAY, END_ARRAY, NAME, STRING, NUMBER, TRUE, FALSE, NULL, END }

    /** Nesting deeper than this is refused: no hash set needs it, and it bounds what a hostile file costs. */
    static final int MAX_DEPTH = 64;
    /** A string or number longer than this is refused, the limit Jackson sets by default. */
    static final int MAX_TOKEN_BYTES = 20_000_000;
    private static final int BUFFER_BYTES = 1 << 20;
    /** Bytes past the last one read that the buffer always has, so that a name may be read a long at a time. */
    private static final int SLACK = Long.BYTES;
    /** Integers of up to this many digits fit a long exactly. */
    private static final int LONG_DIGITS = 18;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    // what next() expects
    private static final int VALUE = 0;
    private static final int FIRST_IN_ARRAY = 1;
    private static final int FIRST_IN_OBJECT = 2;
    private static final int AFTER_VALUE = 3;

    private final InputStream in;
    private byte[] buffer = new byte[BUFFER_BYTES + SLACK];
    private int pos;
    private int end;
    /** Where the current token starts: refilling keeps the buffer from here on. */
    private int mark;
    /** File offset of {@code buffer[0]}. */
    private long base;
    private boolean eof;
    private int line = 1;
    /** File offset of the current line's first byte. */
    private long lineStart;

    private final boolean[] inObject = new boolean[MAX_DEPTH + 1];
    private int depth;
    private int state = VALUE;
    private Token token;

    /** The current name, string or number: {@code buffer[textStart..textEnd)}, or {@code decoded} if it had escapes. */
    private int textStart;
    private int textEnd;
    private String decoded;
    /** The current number's value if it is an integer of up to {@value #LONG_DIGITS} digits, else -1. */
    private long integer;

    private final TextCache texts = new TextCache();

    /** A syntax error, with where it was found ({@code line 3, column 17}) apart from what it is. */
    static final class SyntaxException extends IOException {

        private final String where;
        private final String what;
        private final long offset;

        SyntaxException(String where, String what, long offset) {
            super(where + ": " + what);
            this.where = where;
            this.what = what;
            this.offset = offset;
        }

        /** The file offset of the byte where the error was found. */
        long offset() {
            return offset;
        }

        String where() {
            return where;
        }

        String what() {
            return what;
        }
    }

    JsonScanner(InputStream in) {
        this.in = in;
    }

    /**
     * A scanner for the part of a file from {@code offset} on, which is the start of an item of a list
     * that is a field of the top-level object (as VICS's {@code value}): it reads the items, the rest of
     * the object, and {@link #atEnd} says whether nothing but white space follows. Lines and columns
     * count from the offset; {@link #offset} gives file offsets.
     */
    static JsonScanner insideList(InputStream in, long offset) {
        JsonScanner json = new JsonScanner(in);
        json.base = offset;
        json.lineStart = offset;
        json.depth = 2;
        json.inObject[1] = true;
        json.inObject[2] = false;
        json.state = FIRST_IN_ARRAY;
        return json;
    }

    /** The file offset of the current token's first byte. */
    long offset() {
        return base + mark;
    }

    /** Whether nothing but white space is left in the file (after the top-level value, say). */
    boolean atEnd() throws IOException {
        mark = pos;
        return skipWhitespace() < 0;
    }

    Token token() {
        return token;
    }

    /** The next token; {@link Token#END} once the top-level value is complete. */
    Token next() throws IOException {
        decoded = null;
        mark = pos; // the previous token's bytes are no longer needed
        int c = skipWhitespace();
        mark = pos;
        switch (state) {
            case AFTER_VALUE -> {
                if (depth == 0) {
                    return token = Token.END;
                }
                if (c == ',') {
                    pos++;
                    return inObject[depth] ? name() : value(skipWhitespace());
                }
                return close(c);
            }
            case FIRST_IN_OBJECT -> {
                return c == '}' ? close(c) : name();
            }
            case FIRST_IN_ARRAY -> {
                return c == ']' ? close(c) : value(c);
            }
            default -> {
                return value(c);
            }
        }
    }

    /** What {@link #nextField} gives when the object ends. */
    static final int END_OF_OBJECT = -2;

    /**
     * Reads the next field name of the current object, and its colon: the name's index in
     * {@code names}, -1 for a name it does not hold, or {@link #END_OF_OBJECT}. The same as {@link #next}
     * and {@link #field}, but first the name expected (the one that followed the previous name last
     * time: exporters write the fields of each item in one order) is compared with the bytes at hand,
     * eight at a time, instead of scanning the name and looking it up.
     */
    int nextField(Names names) throws IOException {
        decoded = null;
        mark = pos;
        int expected = compactName(names);
        if (expected >= 0) {
            return expected;
        }
        int c = skipWhitespace();
        boolean first = state == FIRST_IN_OBJECT;
        if (!first && (state != AFTER_VALUE || depth == 0 || !inObject[depth])) {
            throw new IllegalStateException("not between the fields of an object");
        }
        if (c == '}' || (!first && c != ',')) {
            close(c);
            return END_OF_OBJECT;
        }
        if (!first) {
            pos++;
            c = skipWhitespace();
        }
        mark = pos;
        if (c != '"') {
            throw error(c < 0 ? "the file ends inside an object" : "expected a field name in double quotes, found " + describe(c));
        }
        int guess = names.guess(first);
        int length = guess < 0 ? -1 : names.length(guess);
        int field;
        if (guess >= 0 && pos + length + 2 <= end && buffer[pos + 1 + length] == '"'
                && names.same(guess, buffer, pos + 1, length)) {
            textStart = pos + 1;
            textEnd = textStart + length;
            pos = textEnd + 1;
            field = guess;
        } else {
            string();
            field = field(names);
        }
        c = skipWhitespace();
        if (c != ':') {
            throw error("expected ':' after a field name, found " + describe(c));
        }
        pos++;
        state = VALUE;
        token = Token.NAME;
        names.learn(first, field);
        return field;
    }

    /**
     * The expected name written compactly, as exporters without indentation write it: {@code ,"Name":}
     * (or {@code "Name":} first in its object), read with no scan at all; -1 if the bytes are anything else.
     */
    private int compactName(Names names) {
        boolean first = state == FIRST_IN_OBJECT;
        int p = first ? pos : pos + 1;
        if (!first && (state != AFTER_VALUE || depth == 0 || !inObject[depth] || pos >= end || buffer[pos] != ',')) {
            return -1;
        }
        int guess = names.guess(first);
        if (guess < 0) {
            return -1;
        }
        int length = names.length(guess);
        int close = p + 1 + length;
        if (close + 1 >= end || buffer[p] != '"' || buffer[close] != '"' || buffer[close + 1] != ':'
                || !names.same(guess, buffer, p + 1, length)) {
            return -1;
        }
        textStart = p + 1;
        textEnd = close;
        pos = close + 2;
        state = VALUE;
        token = Token.NAME;
        names.learn(first, guess);
        return guess;
    }

    /**
     * If the next value is a string of exactly {@code 2 * out.length} hex digits, decodes it into
     * {@code out} (see {@link Hex#decode(byte[], int, byte[])}) and returns true; otherwise reads the value
     * as {@link #next} does and returns false. Hex digits hold no quote, backslash or control character,
     * so the string needs no scan.
     */
    boolean nextHex(byte[] out) throws IOException {
        int digits = 2 * out.length;
        int c = startValue();
        if (c == '"' && pos + digits + 2 <= end && buffer[pos + 1 + digits] == '"' && Hex.decode(buffer, pos + 1, out)) {
            hexString(digits);
            return true;
        }
        value(c);
        return false;
    }

    /** As {@link #nextHex}, for 64 digits decoded into four words (see {@link Hex#decodeWords}). */
    boolean nextHexWords(long[] words) throws IOException {
        int digits = words.length * 16;
        int c = startValue();
        if (c == '"' && pos + digits + 2 <= end && buffer[pos + 1 + digits] == '"' && Hex.decodeWords(buffer, pos + 1, words)) {
            hexString(digits);
            return true;
        }
        value(c);
        return false;
    }

    private int startValue() throws IOException {
        if (state != VALUE) {
            throw new IllegalStateException("not where a field's value is");
        }
        decoded = null;
        mark = pos;
        int c = skipWhitespace();
        mark = pos;
        return c;
    }

    private void hexString(int digits) {
        textStart = pos + 1;
        textEnd = textStart + digits;
        pos = textEnd + 1;
        state = AFTER_VALUE;
        token = Token.STRING;
    }

    /** Skips the value the current token starts: all of an object or array, nothing for anything else. */
    void skipChildren() throws IOException {
        if (token != Token.START_OBJECT && token != Token.START_ARRAY) {
            return;
        }
        int level = depth - 1;
        while (depth > level) {
            next();
        }
    }

    /** The current name or string, decoded; a number as written; "true", "false"; null for null. */
    String text() {
        return switch (token) {
            case NAME, STRING -> decoded != null ? decoded
                    : new String(buffer, textStart, textEnd - textStart, StandardCharsets.UTF_8);
            case NUMBER -> new String(buffer, textStart, textEnd - textStart, StandardCharsets.ISO_8859_1);
            case TRUE -> "true";
            case FALSE -> "false";
            default -> null;
        };
    }

    /** As {@link #text}, but a short text seen recently is given as the same string again (see {@link TextCache}). */
    String cachedText() {
        if (decoded != null || (token != Token.STRING && token != Token.NUMBER)) {
            return text();
        }
        return texts.text(buffer, textStart, textEnd,
                token == Token.NUMBER ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    /** Whether the current name or string had escapes (then only {@link #text} gives it). */
    boolean escaped() {
        return decoded != null;
    }

    /** The buffer holding the current token's bytes, valid until the next call of {@link #next}. */
    byte[] buffer() {
        return buffer;
    }

    int textStart() {
        return textStart;
    }

    int textLength() {
        return textEnd - textStart;
    }

    /** The current number if it is an integer of up to 18 digits, without sign or exponent; else -1. */
    long integer() {
        return integer;
    }

    /** The index of the current name in {@code names}, or -1. */
    int field(Names names) {
        return decoded != null ? names.find(decoded) : names.find(buffer, textStart, textEnd - textStart);
    }

    /** Where the scanner is: {@code line 3, column 17} (the column counts bytes). */
    String where() {
        return "line " + line + ", column " + (base + pos - lineStart + 1);
    }

    // ---- tokens ----

    private Token value(int c) throws IOException {
        mark = pos;
        switch (c) {
            case '{' -> {
                open(true);
                state = FIRST_IN_OBJECT;
                return token = Token.START_OBJECT;
            }
            case '[' -> {
                open(false);
                state = FIRST_IN_ARRAY;
                return token = Token.START_ARRAY;
            }
            case '"' -> {
                string();
                state = AFTER_VALUE;
                return token = Token.STRING;
            }
            case 't' -> {
                return literal("true", Token.TRUE);
            }
            case 'f' -> {
                return literal("false", Token.FALSE);
            }
            case 'n' -> {
                return literal("null", Token.NULL);
            }
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    number();
                    state = AFTER_VALUE;
                    return token = Token.NUMBER;
                }
                throw error(c < 0 ? "the file ends where a value should be" : "expected a value, found " + describe(c));
            }
        }
    }

    private void open(boolean object) throws SyntaxException {
        if (depth == MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
        inObject[++depth] = object;
        pos++;
    }

    private Token close(int c) throws SyntaxException {
        boolean object = inObject[depth];
        if (c != (object ? '}' : ']')) {
            throw error(c < 0 ? "the file ends inside an " + (object ? "object" : "array")
                    : "expected ',' or '" + (object ? '}' : ']') + "', found " + describe(c));
        }
        pos++;
        depth--;
        state = AFTER_VALUE;
        return token = object ? Token.END_OBJECT : Token.END_ARRAY;
    }

    private Token name() throws IOException {
        int c = skipWhitespace();
        mark = pos;
        if (c != '"') {
            throw error(c < 0 ? "the file ends inside an object" : "expected a field name in double quotes, found " + describe(c));
        }
        string();
        c = skipWhitespace(); // keeps the name: mark is still at its quote
        if (c != ':') {
            throw error("expected ':' after a field name, found " + describe(c));
        }
        pos++;
        state = VALUE;
        return token = Token.NAME;
    }

    private Token literal(String word, Token literal) throws IOException {
        int length = word.length();
        while (end - pos < length && fill()) {
            // wait for the whole word
        }
        int i = 0;
        while (i < length && pos + i < end && buffer[pos + i] == word.charAt(i)) {
            i++;
        }
        if (i < length) {
            pos += i;
            throw error("expected '" + word + "', found " + describe(pos < end ? buffer[pos] & 0xff : -1));
        }
        pos += length;
        state = AFTER_VALUE;
        return token = literal;
    }

    /** A number by the JSON grammar: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}. */
    private void number() throws IOException {
        boolean negative = at(pos) == '-';
        if (negative) {
            pos++;
        }
        int first = at(pos);
        if (first < '0' || first > '9') {
            throw error("expected a digit, found " + describe(first));
        }
        int digits = digits();
        if (first == '0' && digits > 1) {
            throw error("a number may not start with 0");
        }
        boolean plain = !negative && digits <= LONG_DIGITS;
        if (at(pos) == '.') {
            pos++;
            requireDigits();
            plain = false;
        }
        int e = at(pos);
        if (e == 'e' || e == 'E') {
            pos++;
            int sign = at(pos);
            if (sign == '+' || sign == '-') {
                pos++;
            }
            requireDigits();
            plain = false;
        }
        textStart = mark;
        textEnd = pos;
        long value = -1;
        if (plain) {
            value = 0;
            for (int i = textStart; i < textEnd; i++) {
                value = value * 10 + (buffer[i] - '0');
            }
        }
        integer = value;
    }

    private void requireDigits() throws IOException {
        int c = at(pos);
        if (c < '0' || c > '9') {
            throw error("expected a digit, found " + describe(c));
        }
        digits();
    }

    /** Skips the digits from {@code pos} on and returns how many there were. */
    private int digits() throws IOException {
        int start = pos;
        int c = at(pos);
        while (c >= '0' && c <= '9') {
            c = at(++pos);
        }
        return pos - start;
    }

    /** The byte at {@code i} (0 to 255), refilling if needed, or -1 at the end of the file. */
    private int at(int i) throws IOException {
        while (i >= end) {
            int before = pos;
            if (!fill()) {
                return -1;
            }
            i -= before - pos; // the buffer moved
        }
        return buffer[i] & 0xff;
    }

    /**
     * A string from the quote at {@code pos}: its bytes are found eight at a time, looking for the closing
     * quote, a backslash (escapes are decoded on a slower path) or a control character (not allowed).
     */
    private void string() throws IOException {
        int i = pos + 1;
        while (true) {
            while (i + Long.BYTES <= end) {
                long word = (long) LONGS.get(buffer, i);
                long special = equal(word, '"') | equal(word, '\\') | below(word, 0x20);
                if (special != 0) {
                    i += Long.numberOfTrailingZeros(special) >>> 3;
                    break;
                }
                i += Long.BYTES;
            }
            while (i < end && buffer[i] != '"' && buffer[i] != '\\' && (buffer[i] & 0xff) >= 0x20) {
                i++;
            }
            if (i < end) {
                break;
            }
            pos = i;
            if (!fill()) {
                throw error("the file ends inside a string");
            }
            i = pos;
        }
        byte b = buffer[i];
        if (b == '"') {
            textStart = mark + 1;
            textEnd = i;
            pos = i + 1;
            checkLength(textEnd - textStart);
        } else if (b == '\\') {
            pos = i;
            escapedString();
        } else {
            pos = i;
            throw error("a control character in a string (it must be escaped)");
        }
    }

    /**
     * The rest of a string with escapes, from the first backslash at {@code pos}, decoded into
     * {@link #decoded}: the raw bytes are collected with each escape written as UTF-8, then decoded once.
     */
    private void escapedString() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(buffer, mark + 1, pos - mark - 1);
        while (true) {
            mark = pos; // what is collected need not stay in the buffer
            int c = at(pos);
            if (c < 0) {
                throw error("the file ends inside a string");
            }
            if (c == '"') {
                pos++;
                break;
            }
            if (c < 0x20) {
                throw error("a control character in a string (it must be escaped)");
            }
            pos++;
            if (c != '\\') {
                bytes.write(c);
            } else {
                int e = at(pos++);
                int codePoint = switch (e) {
                    case '"', '\\', '/' -> e;
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    case 'u' -> unicodeEscape();
                    default -> throw error("an unknown escape in a string: \\" + (e < 0 ? "" : Character.toString(e)));
                };
                bytes.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
            }
            if (bytes.size() > MAX_TOKEN_BYTES) {
                checkLength(bytes.size());
            }
        }
        decoded = bytes.toString(StandardCharsets.UTF_8);
        textStart = 0;
        textEnd = 0;
    }

    /** The code point of {@code \\uXXXX} (pos after the u), or of a surrogate pair written as two escapes. */
    private int unicodeEscape() throws IOException {
        char high = hexChar();
        if (Character.isHighSurrogate(high) && at(pos) == '\\' && at(pos + 1) == 'u') {
            pos += 2;
            char low = hexChar();
            if (Character.isLowSurrogate(low)) {
                return Character.toCodePoint(high, low);
            }
            pos -= 6; // not a pair: the second escape is read on its own (the buffer still holds it, from mark)
            return '\uFFFD'; // a lone surrogate is replaced, as malformed UTF-8 is
        }
        return Character.isSurrogate(high) ? '\uFFFD' : high;
    }

    private char hexChar() throws IOException {
        int value = 0;
        for (int k = 0; k < 4; k++) {
            int digit = Character.digit(at(pos), 16);
            if (digit < 0) {
                throw error("\\u must be followed by four hex digits");
            }
            value = value << 4 | digit;
            pos++;
        }
        return (char) value;
    }

    private void checkLength(int length) throws SyntaxException {
        if (length > MAX_TOKEN_BYTES) {
            throw error("a string longer than " + MAX_TOKEN_BYTES + " bytes");
        }
    }

    /** Skips white space (counting lines) and returns the byte after it (0 to 255), or -1 at the end of the file. */
    private int skipWhitespace() throws IOException {
        while (true) {
            if (pos == end && !fill()) {
                return -1;
            }
            int b = buffer[pos] & 0xff;
            if (b > ' ') {
                return b;
            }
            if (b == '\n') {
                line++;
                lineStart = base + pos + 1;
            } else if (b != ' ' && b != '\t' && b != '\r') {
                return b;
            }
            pos++;
        }
    }

    /**
     * Reads more of the file, keeping the buffer from {@link #mark} (the current token) on; positions into
     * the buffer move with it. False at the end of the file.
     */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (mark > 0) {
            int shift = mark;
            System.arraycopy(buffer, shift, buffer, 0, end - shift);
            base += shift;
            end -= shift;
            pos -= shift;
            textStart -= shift;
            textEnd -= shift;
            mark = 0;
        } else if (end == buffer.length - SLACK) {
            if (end > MAX_TOKEN_BYTES) {
                throw error("a token longer than " + MAX_TOKEN_BYTES + " bytes");
            }
            buffer = Arrays.copyOf(buffer, 2 * end + SLACK);
        }
        int n = in.read(buffer, end, buffer.length - SLACK - end);
        while (n == 0) {
            n = in.read(buffer, end, buffer.length - SLACK - end);
        }
        if (n < 0) {
            eof = true;
            return false;
        }
        if (base == 0 && end == 0 && n >= 3 && (buffer[0] & 0xff) == 0xEF && (buffer[1] & 0xff) == 0xBB
                && (buffer[2] & 0xff) == 0xBF) { // a byte-order mark
            pos = 3;
        }
        end += n;
        return true;
    }

    private SyntaxException error(String what) {
        return new SyntaxException(where(), what, base + pos);
    }

    private static String describe(int c) {
        if (c < 0) {
            return "the end of the file";
        }
        return c >= 0x20 && c < 0x7f ? "'" + (char) c + "'" : String.format("byte 0x%02x", c);
    }

    /** The high bit of each byte of {@code word} that equals {@code c} (exact up to the first such byte). */
    private static long equal(long word, int c) {
        long x = word ^ (ONES * c);
        return (x - ONES) & ~x & HIGHS;
    }

    /** The high bit of each byte of {@code word} below {@code limit} (at most 0x80; exact up to the first). */
    private static long below(long word, int limit) {
        return (word - ONES * limit) & ~word & HIGHS;
    }

    /**
     * Field names a reader knows, looked up by their bytes without making a string, eight bytes at a
     * time (the scanner's buffer has room to read past a name's end); an escaped name (rare) is looked
     * up as text. It also learns which name follows which, for {@link #nextField}: so each reader has
     * its own.
     */
    static final class Names {

        private final String[] names;
        private final int[] lengths;
        private final long[][] words; // each name's bytes as little-endian longs, zero-padded
        private final int[] slots; // index + 1, 0 for an empty slot
        private final int mask;
        /** The name that followed each name last time, the first name of the last object, the last name read. */
        private final int[] following;
        private int firstName = -1;
        private int previous = -1;

        Names(String... names) {
            this.names = names.clone();
            this.lengths = new int[names.length];
            this.words = new long[names.length][];
            this.slots = new int[Integer.highestOneBit(names.length * 4 - 1) << 1];
            this.mask = slots.length - 1;
            this.following = new int[names.length];
            Arrays.fill(following, -1);
            for (int n = 0; n < names.length; n++) {
                byte[] padded = padded(names[n]);
                lengths[n] = padded.length - SLACK;
                words[n] = new long[(lengths[n] + Long.BYTES - 1) / Long.BYTES];
                for (int w = 0; w < words[n].length; w++) {
                    words[n][w] = word(padded, w * Long.BYTES, lengths[n] - w * Long.BYTES);
                }
                int slot = hash(words[n].length == 0 ? 0 : words[n][0], lengths[n]) & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = n + 1;
            }
        }

        String name(int index) {
            return names[index];
        }

        int length(int index) {
            return lengths[index];
        }

        /** The name expected next: the first of an object, or the one that followed the previous name last time; -1 if none. */
        int guess(boolean first) {
            return first ? firstName : previous < 0 ? -1 : following[previous];
        }

        void learn(boolean first, int name) {
            if (first) {
                firstName = name;
            } else if (previous >= 0) {
                following[previous] = name;
            }
            previous = name;
        }

        /** The index of the name in {@code text[from..from + length)}, or -1; {@code text} must have 8 bytes of slack after it. */
        int find(byte[] text, int from, int length) {
            long first = length == 0 ? 0 : word(text, from, length);
            int slot = hash(first, length) & mask;
            for (int s = slots[slot]; s != 0; s = slots[slot = (slot + 1) & mask]) {
                if (same(s - 1, first, text, from, length)) {
                    return s - 1;
                }
            }
            return -1;
        }

        int find(String text) {
            byte[] padded = padded(text);
            return find(padded, 0, padded.length - SLACK);
        }

        /** Whether name {@code n} is {@code text[from..from + length)}; the text needs 8 bytes of slack. */
        boolean same(int n, byte[] text, int from, int length) {
            return same(n, length == 0 ? 0 : word(text, from, length), text, from, length);
        }

        private boolean same(int n, long first, byte[] text, int from, int length) {
            long[] name = words[n];
            if (lengths[n] != length || (name.length > 0 && name[0] != first)) {
                return false;
            }
            for (int w = 1; w < name.length; w++) {
                if (name[w] != word(text, from + w * Long.BYTES, length - w * Long.BYTES)) {
                    return false;
                }
            }
            return true;
        }

        /** The little-endian long at {@code from}, keeping only the first {@code left} bytes if fewer than 8. */
        private static long word(byte[] text, int from, int left) {
            long word = (long) LONGS.get(text, from);
            return left >= Long.BYTES ? word : word & (1L << (8 * left)) - 1;
        }

        private static byte[] padded(String name) {
            byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
            return Arrays.copyOf(bytes, bytes.length + SLACK);
        }

        private static int hash(long first, int length) {
            long h = (first ^ length) * 0x9E3779B97F4A7C15L;
            return (int) (h >>> 40);
        }
    }
}
