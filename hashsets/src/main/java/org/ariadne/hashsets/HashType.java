package org.ariadne.hashsets;

import java.util.Locale;

/** The hashes a plain list may hold, by the prefix that names them ({@code md5:...}). */
public enum HashType {
    MD5, SHA1, SHA256, PDQ;

    /** The prefix, and the value of {@code --type}: md5, sha1, sha256, pdq. */
    public String prefix() {
        return name().toLowerCase(Locale.ROOT);
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
