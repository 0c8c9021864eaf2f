package org.ariadne.triage;

import java.util.Locale;

/** What triage concludes about one file. */
public enum Verdict {
    /** A crypto hash (MD5, SHA-1 or SHA-256) is in a hash set: the very same file is known. */
    KNOWN,
    /** Not known exactly, but its PDQ (or that of a rotation or flip) lies within the radius of a known one. */
    SIMILAR,
    /** Hashed and matched nothing: new material, the part that needs work first. */
    UNKNOWN,
    /** Could not be read, decoded or was refused; its crypto hashes, when it has them, matched nothing. */
    ERROR;

    /** The name reports use: {@code known}, {@code similar}, {@code unknown}, {@code error}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Verdict ofLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
