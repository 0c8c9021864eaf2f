package org.ariadne.hashsets;

import java.util.Locale;

/** The hashes a plain list may hold, by the prefix that names them ({@code md5:...}). */
public enum HashType {
    MD5(32), SHA1(40), SHA256(64), PDQ(64);

    private final int hexDigits;
    private final String prefix;

    HashType(int hexDigits) {
        this.hexDigits = hexDigits;
        this.prefix = name().toLowerCase(Locale.ROOT);
    }

    /** Length of the hash in hex digits. */
    int hexDigits() {
        return hexDigits;
    }

    /** The type of a crypto hash algorithm's values. */
    static HashType of(org.ariadne.hashing.crypto.CryptoAlgorithm algorithm) {
        return switch (algorithm) {
            case MD5 -> MD5;
            case SHA1 -> SHA1;
            case SHA256 -> SHA256;
        };
    }

    /** The prefix, and the value of {@code --type}: md5, sha1, sha256, pdq. */
    public String prefix() {
        return prefix;
    }

    /** The type named {@code text} (any case), or null if none is. */
    public static HashType named(String text) {
        for (HashType type : values()) {
            if (type.prefix().equalsIgnoreCase(text.strip())) {
                return type;
            }
        }
        return null;
    }
}
