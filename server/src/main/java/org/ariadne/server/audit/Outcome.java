package org.ariadne.server.audit;

/** What came of an audited action; stored as its lower-case name. */
public enum Outcome {
    /** Done (a view shown, a change made). */
    OK,
    /** Not allowed: another agency's data, a missing role, a failed login. */
    REFUSED,
    /** Allowed but it failed (bad input, an error). */
    FAILED;

    String stored() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
