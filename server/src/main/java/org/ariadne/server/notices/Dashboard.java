package org.ariadne.server.notices;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an agency's notice desk watches: the notices awaiting publication, least time left first (overdue
 * ones first of all, and marked), and per month of submission the share of notices published within
 * {@link Deadline#PUBLICATION_TARGET}. Months and local times are those of the viewer's zone.
 *
 * @param zone the viewer's time zone, as asked for
 * @param now the instant the dashboard was made
 * @param open notices awaiting publication, ordered by time left
 * @param months per month of submission (oldest first), how the 72-hour target was met
 */
public record Dashboard(String zone, Instant now, List<OpenNotice> open, List<Month> months) {

    /**
     * A notice awaiting publication.
     *
     * @param dueLocal the due time in the viewer's zone, ISO-8601 with that day's offset
     * @param minutesLeft whole minutes until due; negative when overdue
     */
    public record OpenNotice(long id, String reference, String child, String state, Instant submittedAt, Instant due,
                             String dueLocal, long minutesLeft, boolean overdue) {
    }

    /**
     * One month of submissions. A notice counts once its fate is known: published (in time or late), or
     * past its due time unpublished; notices still within their 72 hours, and those cancelled or located
     * in time without publication, are not counted yet.
     *
     * @param month {@code yyyy-MM} in the viewer's zone
     * @param share publishedInTime / counted (a month appears once it counts a notice)
     */
    public record Month(String month, int counted, int publishedInTime, double share) {
    }

    /** A submitted notice as the dashboard needs it. */
    record Clocked(long id, String reference, String child, NoticeState state, Instant submittedAt,
                   Instant publishedAt, Instant closedAt) {
    }

    static Dashboard of(List<Clocked> notices, Instant now, ZoneId zone) {
        List<OpenNotice> open = notices.stream().filter(n -> n.state().awaitingPublication())
                .map(n -> {
                    Deadline deadline = Deadline.from(n.submittedAt());
                    return new OpenNotice(n.id(), n.reference(), n.child(), n.state().stored(), n.submittedAt(),
                            deadline.due(), deadline.dueIn(zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                            Math.floorDiv(deadline.left(now).toSeconds(), 60), deadline.overdueAt(now));
                })
                .sorted(Comparator.comparing(OpenNotice::due).thenComparing(OpenNotice::id))
                .toList();
        Map<YearMonth, int[]> byMonth = new TreeMap<>();
        for (Clocked n : notices) {
            Deadline deadline = Deadline.from(n.submittedAt());
            boolean published = n.publishedAt() != null;
            boolean closedInTime = !published && n.closedAt() != null && deadline.met(n.closedAt());
            if (!published && (closedInTime || !deadline.overdueAt(now))) {
                continue; // its fate within the target is not known, or publication was no longer needed
            }
            int[] counts = byMonth.computeIfAbsent(YearMonth.from(n.submittedAt().atZone(zone)), m -> new int[2]);
            counts[0]++;
            if (published && deadline.met(n.publishedAt())) {
                counts[1]++;
            }
        }
        List<Month> months = byMonth.entrySet().stream()
                .map(e -> new Month(e.getKey().toString(), e.getValue()[0], e.getValue()[1],
                        (double) e.getValue()[1] / e.getValue()[0]))
                .toList();
        return new Dashboard(zone.getId(), now, open, months);
    }
}
