package org.ariadne.server.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The 72-hour clock across daylight-saving changes and time zones: 72 real hours, never three calendar
 * days, and months counted in the viewer's zone. Clocks are fixed, so nothing sleeps.
 */
class DeadlineTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void springForwardInParisGivesSeventyTwoRealHoursNotThreeCalendarDays() {
        // Saturday evening; clocks go from 02:00 to 03:00 on Sunday 29 March 2026
        Instant submitted = ZonedDateTime.of(2026, 3, 28, 20, 0, 0, 0, PARIS).toInstant();

        Deadline deadline = Deadline.from(submitted);

        assertThat(Duration.between(submitted, deadline.due())).isEqualTo(Duration.ofHours(72));
        assertThat(deadline.dueIn(PARIS)).isEqualTo(OffsetDateTime.parse("2026-03-31T21:00+02:00"));
        assertThat(deadline.dueIn(PARIS).toLocalTime()).isNotEqualTo(submitted.atZone(PARIS).toLocalTime());
    }

    @Test
    void fallBackInParisGivesAnHourEarlierOnTheClock() {
        // clocks go from 03:00 back to 02:00 on Sunday 25 October 2026
        Deadline deadline = Deadline.from(ZonedDateTime.of(2026, 10, 24, 20, 0, 0, 0, PARIS).toInstant());

        assertThat(deadline.dueIn(PARIS)).isEqualTo(OffsetDateTime.parse("2026-10-27T19:00+01:00"));
    }

    @Test
    void springForwardInNewYork() {
        // clocks go from 02:00 to 03:00 on Sunday 8 March 2026
        Deadline deadline = Deadline.from(ZonedDateTime.of(2026, 3, 7, 21, 0, 0, 0, NEW_YORK).toInstant());

        assertThat(deadline.dueIn(NEW_YORK)).isEqualTo(OffsetDateTime.parse("2026-03-10T22:00-04:00"));
        // the same instant, read in Paris (still on winter time until 29 March)
        assertThat(deadline.dueIn(PARIS)).isEqualTo(OffsetDateTime.parse("2026-03-11T03:00+01:00"));
    }

    @Test
    void overdueOnlyAfterTheDueInstant() {
        Instant submitted = Instant.parse("2026-03-28T19:00:00Z");
        Deadline deadline = Deadline.from(submitted);
        Clock justBefore = Clock.fixed(Instant.parse("2026-03-31T18:59:59Z"), PARIS);
        Clock atDue = Clock.fixed(deadline.due(), PARIS);
        Clock justAfter = Clock.fixed(Instant.parse("2026-03-31T19:00:01Z"), PARIS);

        assertThat(deadline.overdueAt(justBefore.instant())).isFalse();
        assertThat(deadline.overdueAt(atDue.instant())).isFalse();
        assertThat(deadline.met(atDue.instant())).isTrue();
        assertThat(deadline.overdueAt(justAfter.instant())).isTrue();
        assertThat(deadline.met(justAfter.instant())).isFalse();
        assertThat(deadline.left(justBefore.instant())).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theDashboardOrdersByTimeLeftAndMarksOverdueNotices() {
        Instant now = Instant.parse("2026-03-30T12:00:00Z");
        List<Dashboard.Clocked> notices = List.of(
                clocked(1, NoticeState.SUBMITTED, "2026-03-29T12:00:00Z", null, null),   // 48 h left
                clocked(2, NoticeState.TRANSLATED, "2026-03-27T10:00:00Z", null, null),  // overdue by 2 h
                clocked(3, NoticeState.REVIEWED, "2026-03-28T12:00:00Z", null, null),    // 24 h left
                clocked(4, NoticeState.PUBLISHED, "2026-03-28T12:00:00Z", "2026-03-29T12:00:00Z", null),
                clocked(5, NoticeState.DRAFT, null, null, null));

        Dashboard dashboard = Dashboard.of(notices.stream().filter(n -> n.submittedAt() != null).toList(), now, NEW_YORK);

        assertThat(dashboard.open()).extracting(Dashboard.OpenNotice::id).containsExactly(2L, 3L, 1L);
        assertThat(dashboard.open()).extracting(Dashboard.OpenNotice::overdue).containsExactly(true, false, false);
        assertThat(dashboard.open().getFirst().minutesLeft()).isEqualTo(-120);
        assertThat(dashboard.open().get(1).dueLocal()).isEqualTo("2026-03-31T08:00:00-04:00");
    }

    @Test
    void theMonthlyShareCountsMonthsInTheViewersZone() {
        Instant now = Instant.parse("2026-03-20T00:00:00Z");
        List<Dashboard.Clocked> notices = List.of(
                // 23:30 UTC on 31 January is already February in Paris; published in 10 hours
                clocked(1, NoticeState.PUBLISHED, "2026-01-31T23:30:00Z", "2026-02-01T09:30:00Z", null),
                // published 73 hours after submission: late
                clocked(2, NoticeState.PUBLISHED, "2026-02-10T00:00:00Z", "2026-02-13T01:00:00Z", null),
                // never published, long overdue
                clocked(3, NoticeState.SUBMITTED, "2026-02-20T00:00:00Z", null, null),
                // within its 72 hours still: not counted yet
                clocked(4, NoticeState.SUBMITTED, "2026-03-19T00:00:00Z", null, null),
                // located before its deadline without publication: not counted
                clocked(5, NoticeState.LOCATED, "2026-02-21T00:00:00Z", null, "2026-02-21T10:00:00Z"));

        Dashboard utc = Dashboard.of(notices, now, ZoneId.of("UTC"));
        Dashboard paris = Dashboard.of(notices, now, PARIS);

        assertThat(utc.months()).containsExactly(new Dashboard.Month("2026-01", 1, 1, 1.0),
                new Dashboard.Month("2026-02", 2, 0, 0.0));
        assertThat(paris.months()).containsExactly(new Dashboard.Month("2026-02", 3, 1, 1.0 / 3));
    }

    private static Dashboard.Clocked clocked(long id, NoticeState state, String submitted, String published,
                                             String closed) {
        return new Dashboard.Clocked(id, "YN-" + id, "Child " + id, state,
                submitted == null ? null : Instant.parse(submitted), published == null ? null : Instant.parse(published),
                closed == null ? null : Instant.parse(closed));
    }
}
