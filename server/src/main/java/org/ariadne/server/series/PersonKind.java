package org.ariadne.server.series;

import java.util.Locale;

/** Victim and offender records share their shape and table; this is the {@code kind} column. */
public enum PersonKind {
    VICTIM,
    OFFENDER;

    public String stored() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** From the plural in a path: {@code victims}, {@code offenders}. */
    public static PersonKind fromPath(String plural) {
        return valueOf(plural.substring(0, plural.length() - 1).toUpperCase(Locale.ROOT));
    }
}
