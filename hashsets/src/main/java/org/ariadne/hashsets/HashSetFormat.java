package org.ariadne.hashsets;

/** The hash-set formats Ariadne reads, as {@link HashSetReader} recognises them. */
public enum HashSetFormat {
    /** Project VIC JSON 1.3: {@code odata.metadata}, media records under {@code value}. */
    VICS_1_3("VICS 1.3 JSON"),
    /** Project VIC JSON 2.0: {@code @odata.context}, cases under {@code value}, each with its {@code Media}. */
    VICS_2_0("VICS 2.0 JSON"),
    /** The ICSE hash export: semicolon-separated, with a header line starting {@code MD5;SHA1}. */
    ICSE_CSV("ICSE CSV"),
    /** One hash a line, prefixed with its type ({@code md5:}, {@code sha1:}, {@code sha256:}, {@code pdq:}) or not. */
    PLAIN_LIST("plain list");

    private final String label;

    HashSetFormat(String label) {
        this.label = label;
    }

    /** A name for people: "VICS 2.0 JSON". */
    public String label() {
        return label;
    }
}
