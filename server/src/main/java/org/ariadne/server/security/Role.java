package org.ariadne.server.security;

import java.util.Locale;

/** What a user may do; stored in lower case. A user may hold several. */
public enum Role {
    /** Uploads material into the agency's cases. */
    CONTRIBUTOR,
    /** Reviews, searches, categorises, annotates. */
    SPECIALIST,
    /** Manages the agency's users and its series' sharing. */
    AGENCY_ADMIN,
    /** Manages agencies. */
    SYSTEM_ADMIN,
    /** Reads the audit log. */
    AUDITOR,
    /** Writes the free text of the agency's yellow notices in another language. */
    TRANSLATOR,
    /** Checks each language of the agency's yellow notices (not their own translations) and publishes them. */
    REVIEWER;

    public String stored() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromStored(String stored) {
        return valueOf(stored.toUpperCase(Locale.ROOT));
    }
}
