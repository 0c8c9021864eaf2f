package org.ariadne.server.notices;

import java.util.Locale;

/** Where a notice is in its workflow; stored in lower case. */
public enum NoticeState {
    /** Being written by its agency; no clock yet. */
    DRAFT,
    /** Sent for translation: the 72-hour clock runs from here. */
    SUBMITTED,
    /** Every language has its free text. */
    TRANSLATED,
    /** Every language is reviewed: it may be published. */
    REVIEWED,
    /** On its public pages. */
    PUBLISHED,
    /** The child was found: the public pages are taken down. */
    LOCATED,
    /** Withdrawn. */
    CANCELLED;

    public String stored() {
        return name().toLowerCase(Locale.ROOT);
    }

    static NoticeState fromStored(String stored) {
        return valueOf(stored.toUpperCase(Locale.ROOT));
    }

    /** Submitted and not yet published: the clock is running. */
    public boolean awaitingPublication() {
        return this == SUBMITTED || this == TRANSLATED || this == REVIEWED;
    }

    public boolean closed() {
        return this == LOCATED || this == CANCELLED;
    }
}
