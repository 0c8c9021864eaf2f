package org.ariadne.server.notices;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The publication target of a notice: 72 hours of real time from its submission. Kept as instants, so that
 * a daylight-saving change in between gives 72 hours, not three calendar days; a time zone matters only to
 * show it.
 */
public record Deadline(Instant submittedAt, Instant due) {

    /** The target: the first days are when a missing child is most often found. */
    public static final Duration PUBLICATION_TARGET = Duration.ofHours(72);

    public static Deadline from(Instant submittedAt) {
        return new Deadline(submittedAt, submittedAt.plus(PUBLICATION_TARGET));
    }

    /** Time left at {@code now}; negative once overdue. */
    public Duration left(Instant now) {
        return Duration.between(now, due);
    }

    public boolean overdueAt(Instant now) {
        return now.isAfter(due);
    }

    /** Whether a publication at that instant met the target (the due instant itself is in time). */
    public boolean met(Instant publishedAt) {
        return !publishedAt.isAfter(due);
    }

    /** The due time as a viewer in that zone reads it, with the zone's offset on that day. */
    public OffsetDateTime dueIn(ZoneId zone) {
        return due.atZone(zone).toOffsetDateTime();
    }
}
