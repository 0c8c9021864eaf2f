package org.ariadne.server.notices;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.ariadne.server.audit.AuditLog;
import org.ariadne.server.audit.Outcome;
import org.ariadne.server.security.Account;
import org.ariadne.server.security.Role;
import org.ariadne.server.web.ApiException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Yellow notices: written, translated, reviewed and published by the requesting agency's own people, and
 * seen by no other agency (another agency's notice is answered as not found, and the attempt audited as
 * refused). Every step is audited, refusals by the workflow's rules too. Times come from the {@link Clock}
 * bean.
 *
 * <p>Roles: contributors, specialists and agency administrators write and submit notices and close them;
 * translators write the other languages; reviewers review a language written by someone else, and
 * reviewers or agency administrators publish.
 */
@Service
public class Notices {

    /** The largest notice photo accepted: callers check the upload's size before reading it into memory. */
    public static final int MAX_PHOTO_BYTES = NoticePhotos.MAX_BYTES;

    private static final Role[] WRITERS = {Role.CONTRIBUTOR, Role.SPECIALIST, Role.AGENCY_ADMIN};
    private static final Role[] PUBLISHERS = {Role.REVIEWER, Role.AGENCY_ADMIN};
    /** 128 random bits: a public page's address cannot be guessed from another's, nor from the notice's id. */
    private static final int PUBLIC_ID_BYTES = 16;
    /** Enough for the notices being shared right now in every language, a few megabytes in all. */
    private static final int PUBLIC_PDFS_KEPT = 64;

    private static final String NOTICE = """
            select n.id, n.public_id, n.agency_id, a.name as agency, n.reference, n.state, n.family_name, n.given_names,
                   n.sex, n.birth_date, n.birth_place, n.birth_country, n.nationalities, n.height_cm, n.weight_kg,
                   n.eye_colour, n.hair_colour, n.disappeared_on, n.disappeared_place, n.disappeared_country, n.contact,
                   n.source_language, n.created_at, n.submitted_at, n.published_at, n.closed_at
            from notice n join agency a on a.id = n.agency_id
            """;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final NoticePhotos photos;
    private final NoticePdf pdf;
    private final SecureRandom random = new SecureRandom();
    /** Public PDFs made lately, least recently read dropped first; a PDF with photos is some 200 KB. */
    private final Map<String, byte[]> publicPdfs = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > PUBLIC_PDFS_KEPT;
        }
    };

    Notices(JdbcClient jdbc, AuditLog audit, Clock clock, NoticePhotos photos, NoticePdf pdf) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.photos = photos;
        this.pdf = pdf;
    }

    // ---- writing a draft

    @Transactional
    public NoticeView create(Account account, NoticeForm form, ZoneId zone) {
        account.require(WRITERS);
        form.validated();
        byte[] publicId = new byte[PUBLIC_ID_BYTES];
        random.nextBytes(publicId);
        long id;
        try {
            id = jdbc.sql("""
                            insert into notice (public_id, agency_id, created_by, reference, family_name, given_names,
                                                contact, source_language)
                            values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(Base64.getUrlEncoder().withoutPadding().encodeToString(publicId), account.agencyId(),
                            account.id(), form.reference(), form.familyName(), form.givenNames(), form.contact(),
                            form.sourceLanguage())
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new ApiException(HttpStatus.CONFLICT, "conflict", "the agency has a notice " + form.reference() + " already");
        }
        write(account, id, form);
        audit.record(account.actor(), "notice.create", "notice:" + id, Outcome.OK, Map.of("reference", form.reference()));
        return view(id, zone);
    }

    @Transactional
    public NoticeView update(Account account, long id, NoticeForm form, ZoneId zone) {
        form.validated();
        step(account, id, "notice.update", WRITERS, notice -> NoticeWorkflow.edit(notice.workflowState()));
        write(account, id, form);
        return done(account, id, "notice.update", Map.of(), zone);
    }

    /** Adds a photo to a draft and alerts whoever holds near duplicates of it in a series. */
    @Transactional
    public NoticeView addPhoto(Account account, long id, String name, byte[] bytes, ZoneId zone) {
        Notice notice = step(account, id, "notice.photo", WRITERS, n -> NoticeWorkflow.edit(n.workflowState()));
        if (bytes.length > NoticePhotos.MAX_BYTES) {
            throw ApiException.badRequest("a photo is at most " + (NoticePhotos.MAX_BYTES >> 20) + " MB");
        }
        NoticePhotos.Added added = photos.add(notice, name, bytes);
        return done(account, id, "notice.photo",
                Map.of("position", added.position(), "pdq_quality", added.quality(), "alerts", added.alerts()), zone);
    }

    // ---- the workflow

    /** Submits a draft: the 72-hour clock starts now. */
    @Transactional
    public NoticeView submit(Account account, long id, ZoneId zone) {
        step(account, id, "notice.submit", WRITERS, notice -> NoticeWorkflow.submit(notice.workflowState(),
                workflowTexts(id), Language.of(notice.sourceLanguage())));
        Map<Language, NoticeWorkflow.Text> texts = workflowTexts(id);
        Instant now = clock.instant();
        jdbc.sql("update notice set state = ?, submitted_at = ? where id = ?")
                .params(NoticeWorkflow.settle(NoticeState.SUBMITTED, texts).stored(), utc(now), id).update();
        return done(account, id, "notice.submit", Map.of("due", Deadline.from(now).due().toString()), zone);
    }

    /** A translator writes (or corrects) the free text of one language; a reviewed text needs review again. */
    @Transactional
    public NoticeView translate(Account account, long id, Language language, String description,
                                String distinguishingMarks, ZoneId zone) {
        if (description == null || description.isBlank()) {
            throw ApiException.badRequest("description is required");
        }
        Notice notice = step(account, id, "notice.translate", new Role[] {Role.TRANSLATOR},
                n -> NoticeWorkflow.write(n.workflowState()));
        writeText(account, id, language, description, distinguishingMarks);
        settle(notice);
        return done(account, id, "notice.translate", Map.of("language", language.code()), zone);
    }

    /** A reviewer accepts one language, written by someone else. */
    @Transactional
    public NoticeView review(Account account, long id, Language language, ZoneId zone) {
        Notice notice = step(account, id, "notice.review", new Role[] {Role.REVIEWER},
                n -> NoticeWorkflow.review(n.workflowState(), language, workflowTexts(id).get(language), account.id()));
        jdbc.sql("""
                        update notice_text set status = 'reviewed', reviewed_by = ?, updated_at = ?
                        where notice_id = ? and language = ?""")
                .params(account.id(), utc(clock.instant()), id, language.code()).update();
        settle(notice);
        return done(account, id, "notice.review", Map.of("language", language.code()), zone);
    }

    /** Publishes: refused until all four languages are written and reviewed. */
    @Transactional
    public NoticeView publish(Account account, long id, ZoneId zone) {
        Notice notice = step(account, id, "notice.publish", PUBLISHERS,
                n -> NoticeWorkflow.publish(n.workflowState(), workflowTexts(id)));
        Instant now = clock.instant();
        jdbc.sql("update notice set state = 'published', published_at = ? where id = ?").params(utc(now), id).update();
        return done(account, id, "notice.publish", Map.of("within_target", Deadline.from(notice.submittedAt()).met(now)),
                zone);
    }

    /** Closes a notice as located (the child is found) or cancelled; its public pages go at once. */
    @Transactional
    public NoticeView close(Account account, long id, NoticeState outcome, ZoneId zone) {
        String action = outcome == NoticeState.LOCATED ? "notice.locate" : "notice.cancel";
        step(account, id, action, WRITERS, notice -> NoticeWorkflow.close(notice.workflowState(), outcome));
        jdbc.sql("update notice set state = ?, closed_at = ? where id = ?")
                .params(outcome.stored(), utc(clock.instant()), id).update();
        return done(account, id, action, Map.of(), zone);
    }

    // ---- reading

    public NoticeView view(Account account, long id, ZoneId zone) {
        owned(account, id, "notice.view");
        audit.record(account.actor(), "notice.view", "notice:" + id, Outcome.OK);
        return view(id, zone);
    }

    /** The agency's notices, newest first. */
    public List<Notice> list(Account account) {
        audit.record(account.actor(), "notice.list", null, Outcome.OK);
        return jdbc.sql(NOTICE + " where n.agency_id = ? order by n.id desc").param(account.agencyId())
                .query(Notices::notice).list();
    }

    /**
     * The agency's notice desk: notices awaiting publication, least time left first and overdue ones
     * marked, and per month of submission the share published within 72 hours; times and months in the
     * viewer's {@code zone}. The web UI's dashboard page shows this as it is.
     */
    public Dashboard dashboard(Account account, ZoneId zone) {
        audit.record(account.actor(), "notice.dashboard", null, Outcome.OK, Map.of("zone", zone.getId()));
        List<Dashboard.Clocked> clocked = jdbc.sql("""
                        select id, reference, given_names || ' ' || family_name as child, state, submitted_at,
                               published_at, closed_at
                        from notice where agency_id = ? and submitted_at is not null""")
                .param(account.agencyId())
                .query((rs, n) -> new Dashboard.Clocked(rs.getLong("id"), rs.getString("reference"),
                        rs.getString("child"), NoticeState.fromStored(rs.getString("state")), instant(rs, "submitted_at"),
                        instant(rs, "published_at"), instant(rs, "closed_at")))
                .list();
        return Dashboard.of(clocked, clock.instant(), zone);
    }

    /** A PDF of the notice in one language as it stands, for its agency to check before publication. */
    public byte[] previewPdf(Account account, long id, Language language) {
        Notice notice = owned(account, id, "notice.pdf");
        audit.record(account.actor(), "notice.pdf", "notice:" + id, Outcome.OK, Map.of("language", language.code()));
        return pdf.render(publicNotice(notice, language), photos.publicCopies(id));
    }

    // ---- what the public sees: published notices only, by their public id

    Optional<Notice> published(String publicId) {
        return jdbc.sql(NOTICE + " where n.public_id = ? and n.state = 'published'").param(publicId)
                .query(Notices::notice).optional();
    }

    PublicNotice publicNotice(Notice notice, Language language) {
        Map<String, Object> text = jdbc.sql("""
                        select description, distinguishing_marks from notice_text where notice_id = ? and language = ?""")
                .params(notice.id(), language.code()).query().listOfRows().stream().findFirst().orElse(Map.of());
        return PublicNotice.of(notice, new PublicNotice.Text((String) text.getOrDefault("description", ""),
                (String) text.getOrDefault("distinguishing_marks", "")), photos.count(notice.id()), language);
    }

    /**
     * A published notice's PDF, made once per language: anyone may ask for it, and setting it costs a
     * tenth of a second of CPU. A published notice no longer changes (texts and photos are frozen by the
     * workflow), and a closed one is refused before the cache is read.
     */
    byte[] publicPdf(Notice notice, Language language) {
        String key = notice.publicId() + "/" + language.code();
        synchronized (publicPdfs) {
            byte[] cached = publicPdfs.get(key);
            if (cached != null) {
                return cached;
            }
        }
        byte[] made = pdf.render(publicNotice(notice, language), photos.publicCopies(notice.id()));
        synchronized (publicPdfs) {
            publicPdfs.put(key, made);
        }
        return made;
    }

    Optional<byte[]> publicPhoto(Notice notice, int position) {
        return photos.publicCopy(notice.id(), position);
    }

    // ---- inside

    /** The caller's agency's notice, locked for the step; else audited as refused and answered as not found. */
    private Notice owned(Account account, long id, String action) {
        return jdbc.sql(NOTICE + " where n.id = ? and n.agency_id = ? for update of n").params(id, account.agencyId())
                .query(Notices::notice).optional()
                .orElseThrow(() -> {
                    audit.record(account.actor(), action, "notice:" + id, Outcome.REFUSED);
                    return ApiException.notFound("notice " + id);
                });
    }

    /**
     * The start of every step, in this order: another agency's notice is not found (whatever the caller's
     * roles), then the role is checked, then the workflow's rule; a rule's refusal is audited with its
     * reason and answered as a conflict. Returns the notice, locked until the step's transaction ends.
     */
    private Notice step(Account account, long id, String action, Role[] roles, Consumer<Notice> rule) {
        Notice notice = owned(account, id, action);
        account.require(roles);
        try {
            rule.accept(notice);
        } catch (NoticeWorkflow.Refusal refusal) {
            audit.record(account.actor(), action, "notice:" + id, Outcome.REFUSED, Map.of("reason", refusal.getMessage()));
            throw new ApiException(HttpStatus.CONFLICT, "workflow", refusal.getMessage());
        }
        return notice;
    }

    /** The end of every step: audited as done, and the notice as it is now. */
    private NoticeView done(Account account, long id, String action, Map<String, ?> detail, ZoneId zone) {
        audit.record(account.actor(), action, "notice:" + id, Outcome.OK, detail);
        return view(id, zone);
    }

    private void write(Account account, long id, NoticeForm form) {
        jdbc.sql("""
                        update notice set reference = ?, family_name = ?, given_names = ?, sex = ?, birth_date = ?,
                               birth_place = ?, birth_country = ?, nationalities = ?, height_cm = ?, weight_kg = ?,
                               eye_colour = ?, hair_colour = ?, disappeared_on = ?, disappeared_place = ?,
                               disappeared_country = ?, contact = ?, source_language = ?
                        where id = ?""")
                .params(form.reference(), form.familyName(), form.givenNames(), form.sex(), form.birthDate(),
                        form.birthPlace(), form.birthCountry(), form.nationalities().toArray(String[]::new),
                        form.heightCm(), form.weightKg(), form.eyeColour(), form.hairColour(), form.disappearedOn(),
                        form.disappearedPlace(), form.disappearedCountry(), form.contact(), form.sourceLanguage(), id)
                .update();
        if (form.description() != null && !form.description().isBlank()) {
            writeText(account, id, Language.of(form.sourceLanguage()), form.description(), form.distinguishingMarks());
        }
    }

    private void writeText(Account account, long id, Language language, String description, String marks) {
        jdbc.sql("""
                        insert into notice_text (notice_id, language, description, distinguishing_marks, status,
                                                 written_by, reviewed_by, updated_at)
                        values (?, ?, ?, ?, 'translated', ?, null, ?)
                        on conflict (notice_id, language) do update
                        set description = excluded.description, distinguishing_marks = excluded.distinguishing_marks,
                            status = 'translated', written_by = excluded.written_by, reviewed_by = null,
                            updated_at = excluded.updated_at""")
                .params(id, language.code(), description.strip(), marks == null ? "" : marks.strip(), account.id(),
                        utc(clock.instant()))
                .update();
    }

    /** Moves a notice awaiting publication to the state its texts put it in. */
    private void settle(Notice notice) {
        NoticeState settled = NoticeWorkflow.settle(notice.workflowState(), workflowTexts(notice.id()));
        jdbc.sql("update notice set state = ? where id = ?").params(settled.stored(), notice.id()).update();
    }

    private Map<Language, NoticeWorkflow.Text> workflowTexts(long id) {
        Map<Language, NoticeWorkflow.Text> texts = new EnumMap<>(Language.class);
        jdbc.sql("select language, status, written_by from notice_text where notice_id = ?").param(id)
                .query(rs -> {
                    texts.put(Language.of(rs.getString(1)), new NoticeWorkflow.Text(
                            NoticeWorkflow.TextStatus.valueOf(rs.getString(2).toUpperCase(java.util.Locale.ROOT)),
                            rs.getLong(3)));
                });
        return texts;
    }

    private NoticeView view(long id, ZoneId zone) {
        Notice notice = jdbc.sql(NOTICE + " where n.id = ?").param(id).query(Notices::notice).single();
        Map<String, NoticeView.Text> texts = new LinkedHashMap<>();
        jdbc.sql("""
                        select t.language, t.status, t.description, t.distinguishing_marks, w.display_name as written_by,
                               r.display_name as reviewed_by, t.updated_at
                        from notice_text t join app_user w on w.id = t.written_by left join app_user r on r.id = t.reviewed_by
                        where t.notice_id = ? order by t.language""")
                .param(id)
                .query(rs -> {
                    texts.put(rs.getString("language"), new NoticeView.Text(rs.getString("status"),
                            rs.getString("description"), rs.getString("distinguishing_marks"), rs.getString("written_by"),
                            rs.getString("reviewed_by"), instant(rs, "updated_at")));
                });
        NoticeView.Due due = null;
        if (notice.submittedAt() != null) {
            Deadline deadline = Deadline.from(notice.submittedAt());
            Instant now = clock.instant();
            due = new NoticeView.Due(notice.submittedAt(), deadline.due(),
                    deadline.dueIn(zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                    Math.floorDiv(deadline.left(now).toSeconds(), 60),
                    notice.workflowState().awaitingPublication() && deadline.overdueAt(now));
        }
        Map<String, String> pages = new LinkedHashMap<>();
        if (notice.workflowState() == NoticeState.PUBLISHED) {
            for (Language language : Language.values()) {
                pages.put(language.code(), "/notices/" + notice.publicId() + "/" + language.code());
            }
        }
        return new NoticeView(notice, texts, photos.list(id), due, pages);
    }

    private static Notice notice(ResultSet rs, int row) throws SQLException {
        return new Notice(rs.getLong("id"), rs.getString("public_id"), rs.getLong("agency_id"), rs.getString("agency"),
                rs.getString("reference"), rs.getString("state"), rs.getString("family_name"),
                rs.getString("given_names"), rs.getString("sex"), rs.getObject("birth_date", LocalDate.class),
                rs.getString("birth_place"), rs.getString("birth_country"),
                List.of((String[]) rs.getArray("nationalities").getArray()), (Integer) rs.getObject("height_cm"),
                (Integer) rs.getObject("weight_kg"), rs.getString("eye_colour"), rs.getString("hair_colour"),
                rs.getObject("disappeared_on", LocalDate.class), rs.getString("disappeared_place"),
                rs.getString("disappeared_country"), rs.getString("contact"), rs.getString("source_language"),
                instant(rs, "created_at"), instant(rs, "submitted_at"), instant(rs, "published_at"),
                instant(rs, "closed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.UTC);
    }
}
