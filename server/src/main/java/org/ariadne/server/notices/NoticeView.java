package org.ariadne.server.notices;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A notice as the JSON API gives it to its own agency: the notice, its free text per language with each
 * language's status, its photos, its deadline in the viewer's zone, and its public pages once published.
 *
 * @param texts language code to its text; a language not yet written is absent
 * @param deadline null until submitted
 * @param publicPages language code to the public page's path; empty until published
 */
public record NoticeView(Notice notice, Map<String, Text> texts, List<Photo> photos, Due deadline,
                         Map<String, String> publicPages) {

    /**
     * @param status {@code translated} or {@code reviewed}
     * @param writtenBy the writer's display name; {@code reviewedBy} the reviewer's, or null
     */
    public record Text(String status, String description, String distinguishingMarks, String writtenBy,
                       String reviewedBy, Instant updatedAt) {
    }

    public record Photo(int position, Integer pdqQuality) {
    }

    /** @param dueLocal the due time in the viewer's zone; {@code minutesLeft} negative when overdue */
    public record Due(Instant submittedAt, Instant due, String dueLocal, long minutesLeft, boolean overdue) {
    }
}
