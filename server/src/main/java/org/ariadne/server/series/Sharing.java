package org.ariadne.server.series;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who may see a series besides its owner. Stored in lower case. */
public enum Sharing {
    /** Every member agency: the default, since deconfliction works only on what is shared. */
    ALL,
    /** The agencies listed in the series' grants. */
    LISTED,
    /** The owner only. */
    OWNER;

    /** The stored and JSON form: {@code all}, {@code listed}, {@code owner}. */
    @JsonValue
    public String stored() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Sharing fromStored(String stored) {
        try {
            return valueOf(stored.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sharing must be all, listed or owner, not " + stored);
        }
    }
}
