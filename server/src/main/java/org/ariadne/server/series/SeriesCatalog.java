package org.ariadne.server.series;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ariadne.server.audit.AuditLog;
import org.ariadne.server.audit.Outcome;
import org.ariadne.server.security.Account;
import org.ariadne.server.security.Role;
import org.ariadne.server.web.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases and series: creating them, reading them within what the caller's agency may see, and changing
 * status and sharing (the owner agency only). Every read and change is audited, refusals too.
 */
@Service
public class SeriesCatalog {

    private static final String SUMMARY = """
            select s.id, s.name, s.agency_id, a.name as agency, a.country as agency_country, a.contact as agency_contact,
                   s.investigation_id as case_id, s.victim_identified, s.offender_identified,
                   ia.name as identified_by_agency, s.identified_at, s.sharing,
                   (select count(distinct v.media_id) from submission v where v.series_id = s.id) as media_count
            from series s join agency a on a.id = s.agency_id left join agency ia on ia.id = s.identified_by_agency_id
            """;

    private final JdbcClient jdbc;
    private final AuditLog audit;

    SeriesCatalog(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    // ---- cases: the owner agency's only

    public long createCase(Account account, String reference, String title) {
        account.require(Role.CONTRIBUTOR, Role.SPECIALIST, Role.AGENCY_ADMIN);
        long id = jdbc.sql("insert into investigation (agency_id, reference, title) values (?, ?, ?) returning id")
                .params(account.agencyId(), reference, title).query(Long.class).single();
        audit.record(account.actor(), "case.create", "case:" + id, Outcome.OK, Map.of("reference", reference));
        return id;
    }

    public Optional<Long> findCase(long agencyId, String reference) {
        return jdbc.sql("select id from investigation where agency_id = ? and reference = ?")
                .params(agencyId, reference).query(Long.class).optional();
    }

    public List<Map<String, Object>> cases(Account account) {
        audit.record(account.actor(), "case.list", null, Outcome.OK);
        return jdbc.sql("select id, reference, title, created_at from investigation where agency_id = ? order by id")
                .param(account.agencyId()).query().listOfRows();
    }

    /** Refuses (as not found, audited) unless the case is the caller's agency's. */
    public Map<String, Object> requireCase(Account account, long caseId, String action) {
        Optional<Map<String, Object>> found = jdbc.sql(
                        "select id, reference, title, created_at from investigation where id = ? and agency_id = ?")
                .params(caseId, account.agencyId()).query().listOfRows().stream().findFirst();
        if (found.isEmpty()) {
            audit.record(account.actor(), action, "case:" + caseId, Outcome.REFUSED);
            throw ApiException.notFound("case " + caseId);
        }
        return found.get();
    }

    /** The series of one of the caller's agency's cases. */
    public List<SeriesSummary> inCase(Account account, long caseId) {
        requireCase(account, caseId, "case.view");
        audit.record(account.actor(), "case.view", "case:" + caseId, Outcome.OK);
        return jdbc.sql(SUMMARY + " where s.investigation_id = :case and s.agency_id = :agency order by s.id")
                .param("case", caseId).param("agency", account.agencyId()).query(SeriesSummary.class).list();
    }

    // ---- series

    public long create(Account account, Long caseId, String name, Sharing sharing, List<Long> grantedAgencies) {
        account.require(Role.CONTRIBUTOR, Role.SPECIALIST, Role.AGENCY_ADMIN);
        if (caseId != null) {
            requireCase(account, caseId, "series.create");
        }
        long id = jdbc.sql("""
                        insert into series (agency_id, investigation_id, name, sharing) values (?, ?, ?, ?) returning id""")
                .params(account.agencyId(), caseId, name, sharing.stored()).query(Long.class).single();
        grant(id, grantedAgencies);
        audit.record(account.actor(), "series.create", "series:" + id, Outcome.OK,
                Map.of("name", name, "sharing", sharing.stored()));
        return id;
    }

    /** The series if the caller may see it; audited as a view, or as a refusal. */
    public SeriesSummary view(Account account, long seriesId) {
        SeriesSummary series = visible(account, seriesId, "series.view");
        audit.record(account.actor(), "series.view", "series:" + seriesId, Outcome.OK);
        return series;
    }

    /** Every series the caller may see, newest first (a page of them). */
    public List<SeriesSummary> list(Account account, int offset, int limit) {
        audit.record(account.actor(), "series.list", null, Outcome.OK, Map.of("offset", offset, "limit", limit));
        return jdbc.sql(SUMMARY + " where " + Visibility.SERIES + " order by s.id desc offset :offset limit :limit")
                .param("agency", account.agencyId()).param("offset", offset).param("limit", limit)
                .query(SeriesSummary.class).list();
    }

    /** The caller's own agency's series, newest first (a page of them). */
    public List<SeriesSummary> own(Account account, int limit) {
        audit.record(account.actor(), "series.list", null, Outcome.OK, Map.of("own", true, "limit", limit));
        return jdbc.sql(SUMMARY + " where s.agency_id = :agency order by s.id desc limit :limit")
                .param("agency", account.agencyId()).param("limit", limit).query(SeriesSummary.class).list();
    }

    @Transactional
    public SeriesSummary setStatus(Account account, long seriesId, boolean victimIdentified, boolean offenderIdentified,
                                   LocalDate identifiedAt) {
        account.require(Role.SPECIALIST, Role.AGENCY_ADMIN);
        owned(account, seriesId, "series.status");
        boolean identified = victimIdentified || offenderIdentified;
        jdbc.sql("""
                        update series set victim_identified = ?, offender_identified = ?,
                               identified_by_agency_id = ?, identified_at = ? where id = ?""")
                .params(victimIdentified, offenderIdentified, identified ? account.agencyId() : null,
                        identified ? (identifiedAt == null ? LocalDate.now() : identifiedAt) : null, seriesId)
                .update();
        audit.record(account.actor(), "series.status", "series:" + seriesId, Outcome.OK,
                Map.of("victim_identified", victimIdentified, "offender_identified", offenderIdentified));
        return visible(account, seriesId, "series.status");
    }

    @Transactional
    public SeriesSummary setSharing(Account account, long seriesId, Sharing sharing, List<Long> agencies) {
        // no list of agencies is none (it matters for 'listed' alone)
        List<Long> grantedAgencies = agencies == null ? List.of() : agencies;
        account.require(Role.SPECIALIST, Role.AGENCY_ADMIN);
        owned(account, seriesId, "series.sharing");
        jdbc.sql("update series set sharing = ? where id = ?").params(sharing.stored(), seriesId).update();
        jdbc.sql("delete from series_grant where series_id = ?").param(seriesId).update();
        grant(seriesId, grantedAgencies);
        audit.record(account.actor(), "series.sharing", "series:" + seriesId, Outcome.OK,
                Map.of("sharing", sharing.stored(), "agencies", grantedAgencies));
        return visible(account, seriesId, "series.sharing");
    }

    // ---- comments, victims, offenders: readable by whoever may see the series

    public long comment(Account account, long seriesId, String body) {
        account.require(Role.SPECIALIST, Role.AGENCY_ADMIN, Role.CONTRIBUTOR);
        requireVisible(account, seriesId, "series.comment");
        long id = jdbc.sql("insert into series_comment (series_id, user_id, body) values (?, ?, ?) returning id")
                .params(seriesId, account.id(), body).query(Long.class).single();
        audit.record(account.actor(), "series.comment", "series:" + seriesId, Outcome.OK, Map.of("comment", id));
        return id;
    }

    public List<Map<String, Object>> comments(Account account, long seriesId) {
        requireVisible(account, seriesId, "series.comments");
        audit.record(account.actor(), "series.comments", "series:" + seriesId, Outcome.OK);
        return jdbc.sql("""
                        select c.id, u.display_name as author, a.name as agency, c.body, c.created_at
                        from series_comment c join app_user u on u.id = c.user_id join agency a on a.id = u.agency_id
                        where c.series_id = ? order by c.id""")
                .param(seriesId).query().listOfRows();
    }

    /** Adds a victim or offender record (pseudonymous) to the caller's own series. */
    public long addPerson(Account account, long seriesId, PersonKind kind, Person person) {
        account.require(Role.SPECIALIST, Role.AGENCY_ADMIN);
        owned(account, seriesId, kind.stored() + ".create");
        long id = jdbc.sql("""
                        insert into person (series_id, kind, code_name, sex, age_range, country, identified,
                                            identified_by_agency_id, identified_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(seriesId, kind.stored(), person.codeName(), person.sex(), person.ageRange(), person.country(),
                        person.identified(), person.identified() ? account.agencyId() : null,
                        person.identified() ? (person.identifiedAt() == null ? LocalDate.now() : person.identifiedAt()) : null)
                .query(Long.class).single();
        audit.record(account.actor(), kind.stored() + ".create", kind.stored() + ":" + id, Outcome.OK,
                Map.of("series", seriesId));
        return id;
    }

    public List<Map<String, Object>> people(Account account, long seriesId, PersonKind kind) {
        requireVisible(account, seriesId, kind.stored() + ".view");
        audit.record(account.actor(), kind.stored() + ".view", "series:" + seriesId, Outcome.OK);
        return jdbc.sql("""
                        select p.id, p.code_name, p.sex, p.age_range, p.country, p.identified, a.name as identified_by,
                               p.identified_at
                        from person p left join agency a on a.id = p.identified_by_agency_id
                        where p.series_id = ? and p.kind = ? order by p.id""")
                .params(seriesId, kind.stored()).query().listOfRows();
    }

    // ---- access checks

    /** The series if the caller may see it; else audited as refused and answered as not found. */
    public SeriesSummary visible(Account account, long seriesId, String action) {
        return jdbc.sql(SUMMARY + " where s.id = :id and " + Visibility.SERIES)
                .param("id", seriesId).param("agency", account.agencyId())
                .query(SeriesSummary.class).optional()
                .orElseThrow(() -> refused(account, seriesId, action));
    }

    /** The agencies a series is shared with when its sharing is {@code listed}: for its owner's sharing form. */
    public List<Long> grants(Account account, long seriesId) {
        owned(account, seriesId, "series.sharing");
        return jdbc.sql("select agency_id from series_grant where series_id = ? order by agency_id")
                .param(seriesId).query(Long.class).list();
    }

    /**
     * Refuses (as not found, audited) unless the caller may see the series; cheaper than {@link #visible},
     * which also counts the series' media.
     */
    public void requireVisible(Account account, long seriesId, String action) {
        boolean seen = jdbc.sql("select count(*) from series s where s.id = :id and " + Visibility.SERIES)
                .param("id", seriesId).param("agency", account.agencyId()).query(Long.class).single() > 0;
        if (!seen) {
            throw refused(account, seriesId, action);
        }
    }

    private void owned(Account account, long seriesId, String action) {
        boolean owner = jdbc.sql("select count(*) from series where id = ? and agency_id = ?")
                .params(seriesId, account.agencyId()).query(Long.class).single() > 0;
        if (!owner) {
            throw refused(account, seriesId, action);
        }
    }

    private ApiException refused(Account account, long seriesId, String action) {
        audit.record(account.actor(), action, "series:" + seriesId, Outcome.REFUSED);
        return ApiException.notFound("series " + seriesId);
    }

    private void grant(long seriesId, List<Long> agencies) {
        for (Long agency : agencies == null ? List.<Long>of() : agencies) {
            jdbc.sql("insert into series_grant (series_id, agency_id) values (?, ?) on conflict do nothing")
                    .params(seriesId, agency).update();
        }
    }
}
