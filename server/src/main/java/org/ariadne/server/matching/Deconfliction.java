package org.ariadne.server.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ariadne.hashing.pdq.PdqHash;
import org.ariadne.server.agencies.Agencies;
import org.ariadne.server.agencies.Agency;
import org.ariadne.server.audit.AuditLog;
import org.ariadne.server.audit.Outcome;
import org.ariadne.server.security.Account;
import org.ariadne.server.series.SeriesSummary;
import org.ariadne.server.series.Visibility;
import org.ariadne.server.web.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The point of a shared database: when one agency's new material touches a series another agency owns,
 * both are told at once, with the series' status ("victim identified by agency X on date") and whom to
 * contact, so that no one spends months on a child who is already safe. Each alert is raised once per
 * agency, series, media item and reason, however often the material is uploaded again.
 */
@Service
public class Deconfliction {

    /** A series as alerts describe it, with its owner's name and contact (a {@link SeriesSummary}). */
    private static final String SERIES = """
            select s.id, s.name, s.agency_id, a.name as agency, a.country as agency_country,
                   a.contact as agency_contact, s.investigation_id as case_id, s.victim_identified,
                   s.offender_identified, ia.name as identified_by_agency, s.identified_at, s.sharing,
                   0 as media_count
            from series s join agency a on a.id = s.agency_id
                 left join agency ia on ia.id = s.identified_by_agency_id
            """;

    private final JdbcClient jdbc;
    private final Agencies agencies;
    private final AuditLog audit;

    Deconfliction(JdbcClient jdbc, Agencies agencies, AuditLog audit) {
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.audit = audit;
    }

    /**
     * An alert as its recipient reads it; {@code seriesName} is null once the reader may no longer see the
     * series (the message keeps what was said when the alert was raised).
     */
    public record Alert(long id, long seriesId, String seriesName, long mediaId, String reason, String message,
                        java.time.OffsetDateTime createdAt, java.time.OffsetDateTime readAt) {
    }

    /**
     * Raises the alerts for a media item just submitted by {@code uploader}: {@code exact} for other
     * agencies' series that hold the same content, and the links' kinds for series holding linked media.
     * Returns the alerts raised for the uploader (new ones only).
     */
    public List<Alert> raise(long mediaId, List<Matching.Link> links, long uploader) {
        List<Alert> raised = new ArrayList<>();
        for (SeriesSummary series : foreignSeries(List.of(mediaId), uploader)) {
            raise(series, mediaId, uploader, "exact", "the same file", raised);
        }
        for (Matching.Link link : links) {
            String what = switch (link.kind()) {
                case "near_duplicate" -> "a near duplicate (PDQ distance " + link.distance() + ")";
                case "video_match" -> "the same video (vPDQ)";
                case "video_frame" -> "a picture matching a video frame (PDQ distance " + link.distance() + ")";
                case "same_scene" -> "a picture of the same scene (place or object)";
                case "same_camera" -> "a picture from the same camera body";
                default -> throw new IllegalArgumentException("no alert wording for a link of kind " + link.kind());
            };
            for (SeriesSummary series : foreignSeries(List.of(link.mediaId()), uploader)) {
                raise(series, mediaId, uploader, link.kind(), what, raised);
            }
        }
        return raised;
    }

    /** A yellow notice's photo, as its alerts name it. */
    public record NoticePhoto(long noticeId, String noticeReference, long agencyId, int position) {
    }

    /**
     * Raises the alerts for a yellow notice's photo that is near media in series: the series' owner is
     * always told (a missing child may be a victim in their material), the notice's agency only of series
     * it may see, so that a private series stays private until its owner decides to share. Each alert is
     * raised once per agency, series, media item and notice. Returns how many were raised for the notice's
     * agency.
     *
     * @param near media id to PDQ distance, from {@link Matching#nearDuplicatesAnywhere}
     */
    public int raiseForNotice(NoticePhoto photo, Map<Long, Integer> near) {
        if (near.isEmpty()) {
            return 0;
        }
        Agency from = agencies.find(photo.agencyId()).orElseThrow();
        int raised = 0;
        List<Map<String, Object>> holdings = jdbc.sql("""
                        select distinct s.id as series_id, v.media_id,\
                        """ + Visibility.SERIES + """
                         as visible from series s join submission v on v.series_id = s.id
                        where v.media_id = any(:media) order by s.id, v.media_id""")
                .param("agency", photo.agencyId()).param("media", near.keySet().toArray(Long[]::new))
                .query().listOfRows();
        for (Map<String, Object> holding : holdings) {
            long seriesId = ((Number) holding.get("series_id")).longValue();
            long mediaId = ((Number) holding.get("media_id")).longValue();
            SeriesSummary series = seriesById(seriesId);
            String what = "a near duplicate (PDQ distance " + near.get(mediaId) + ")";
            if ((Boolean) holding.get("visible")) {
                String toNotice = "A photo of your yellow notice '" + photo.noticeReference() + "' is " + what
                        + " of media " + mediaId + " in series '" + series.name() + "' of " + series.agency() + " ("
                        + series.agencyCountry() + "): " + series.statusSentence() + ". Contact: "
                        + series.agencyContact() + ".";
                if (insertForNotice(photo, photo.agencyId(), seriesId, mediaId, toNotice)) {
                    raised++;
                }
            }
            String toOwner = from.name() + " (" + from.country() + ") has a yellow notice for a missing child ('"
                    + photo.noticeReference() + "') whose photo is " + what + " of media " + mediaId
                    + " in your series '" + series.name() + "'. Contact: " + from.contact() + ".";
            insertForNotice(photo, series.agencyId(), seriesId, mediaId, toOwner);
        }
        return raised;
    }

    /**
     * The other way round: a media item just ingested (a picture, by its PDQ and rotations and flips) is
     * compared with the photos of every notice not yet closed, and a near one alerts as
     * {@link #raiseForNotice} does. Notices are few, so their photos are compared one by one.
     */
    public void raiseForNotices(long mediaId, List<PdqHash> variants) {
        if (variants.isEmpty()) {
            return;
        }
        Map<NoticePhoto, Integer> near = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                        select p.notice_id, n.reference, n.agency_id, p.position, p.pdq
                        from notice_photo p join notice n on n.id = p.notice_id
                        where n.state not in ('located', 'cancelled') and p.pdq is not null and p.pdq_quality >= ?
                        order by p.notice_id, p.position""")
                .param(Matching.MIN_PDQ_QUALITY)
                .query(rs -> {
                    PdqHash photo = PdqHash.parse(rs.getString("pdq"));
                    int distance = variants.stream().mapToInt(photo::distance).min().orElseThrow();
                    if (distance <= Matching.RADIUS) {
                        near.put(new NoticePhoto(rs.getLong("notice_id"), rs.getString("reference"),
                                rs.getLong("agency_id"), rs.getInt("position")), distance);
                    }
                });
        near.forEach((photo, distance) -> raiseForNotice(photo, Map.of(mediaId, distance)));
    }

    private boolean insertForNotice(NoticePhoto photo, long agencyId, long seriesId, long mediaId, String message) {
        return jdbc.sql("""
                        insert into alert (agency_id, series_id, media_id, uploading_agency_id, reason, message, notice_id)
                        values (?, ?, ?, ?, 'notice_photo', ?, ?)
                        on conflict (agency_id, series_id, media_id, notice_id) where notice_id is not null do nothing""")
                .params(agencyId, seriesId, mediaId, photo.agencyId(), message, photo.noticeId()).update() > 0;
    }

    private SeriesSummary seriesById(long seriesId) {
        return jdbc.sql(SERIES + " where s.id = ?")
                .param(seriesId).query(SeriesSummary.class).single();
    }

    /**
     * An alert as the pages show it, in the reader's language: who submitted what where, the series' status
     * and whom to contact, as fields rather than the stored English sentence (kept as {@code message}).
     *
     * @param visible whether the reader may still see the series: if its owner stopped sharing it, the page
     *     shows the sentence stored when the alert was raised, not the series' name and status of today
     * @param yours whether the reader's agency made the upload (the other agency then owns the series)
     * @param otherAgency the series' owner for the uploader, the uploader for the owner
     */
    public record AlertView(long id, long seriesId, String seriesName, long mediaId, String reason, boolean visible,
                            boolean yours,
                            String otherAgency, String otherCountry, String otherContact, boolean victimIdentified,
                            boolean offenderIdentified, String identifiedBy, java.time.LocalDate identifiedAt,
                            Long noticeId, String message, java.time.OffsetDateTime createdAt,
                            java.time.OffsetDateTime readAt) {
    }

    /** The agency's alerts for the pages, newest first; reading them is audited. */
    public List<AlertView> alertViews(Account reader, int limit) {
        long agencyId = reader.agencyId();
        audit.record(reader.actor(), "alert.list", null, Outcome.OK, Map.of("limit", limit));
        return jdbc.sql("""
                        select al.id, al.series_id, case when seen.visible then s.name end as series_name, al.media_id,
                               al.reason, seen.visible,
                               al.uploading_agency_id = al.agency_id as yours,
                               o.name as other_agency, o.country as other_country, o.contact as other_contact,
                               seen.visible and s.victim_identified as victim_identified,
                               seen.visible and s.offender_identified as offender_identified,
                               case when seen.visible then ia.name end as identified_by,
                               case when seen.visible then s.identified_at end as identified_at,
                               al.notice_id, al.message, al.created_at, al.read_at
                        from alert al join series s on s.id = al.series_id
                             cross join lateral (select (""" + Visibility.SERIES + """
                                                 ) as visible) seen
                             join agency o on o.id = case when al.uploading_agency_id = al.agency_id
                                                          then s.agency_id else al.uploading_agency_id end
                             left join agency ia on ia.id = s.identified_by_agency_id
                        where al.agency_id = :agency order by al.id desc limit :limit""")
                .param("agency", agencyId).param("limit", limit).query(AlertView.class).list();
    }

    /** The agency's alerts, newest first. */
    public List<Alert> alerts(long agencyId, int limit) {
        return jdbc.sql("""
                        select al.id, al.series_id, case when (""" + Visibility.SERIES + """
                               ) then s.name end as series_name, al.media_id, al.reason, al.message,
                               al.created_at, al.read_at
                        from alert al join series s on s.id = al.series_id
                        where al.agency_id = :agency order by al.id desc limit :limit""")
                .param("agency", agencyId).param("limit", limit).query(Alert.class).list();
    }

    /**
     * Marks an alert of the reader's agency as read (it stays listed, no longer highlighted); audited.
     *
     * @throws ApiException not found for an alert of another agency's, or none
     */
    public void markRead(Account reader, long alertId) {
        boolean marked = jdbc.sql("update alert set read_at = coalesce(read_at, now()) where id = ? and agency_id = ?")
                .params(alertId, reader.agencyId()).update() > 0;
        audit.record(reader.actor(), "alert.read", "alert:" + alertId, marked ? Outcome.OK : Outcome.REFUSED);
        if (!marked) {
            throw ApiException.notFound("alert " + alertId);
        }
    }

    private void raise(SeriesSummary series, long mediaId, long uploader, String reason, String what,
                       List<Alert> raised) {
        Agency from = agencies.find(uploader).orElseThrow();
        String toUploader = "Your upload (media " + mediaId + ") is " + what + " of material in series '"
                + series.name() + "' of " + series.agency() + " (" + series.agencyCountry() + "): "
                + series.statusSentence() + ". Contact: " + series.agencyContact() + ".";
        String toOwner = from.name() + " (" + from.country() + ") submitted " + what + " of material in your series '"
                + series.name() + "' (media " + mediaId + "). Contact: " + from.contact() + ".";
        Long mine = insert(uploader, series.id(), mediaId, uploader, reason, toUploader);
        insert(series.agencyId(), series.id(), mediaId, uploader, reason, toOwner);
        if (mine != null) {
            raised.add(new Alert(mine, series.id(), series.name(), mediaId, reason, toUploader, null, null));
        }
    }

    private Long insert(long agencyId, long seriesId, long mediaId, long uploader, String reason, String message) {
        return jdbc.sql("""
                        insert into alert (agency_id, series_id, media_id, uploading_agency_id, reason, message)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (agency_id, series_id, media_id, reason) where notice_id is null do nothing returning id""")
                .params(agencyId, seriesId, mediaId, uploader, reason, message).query(Long.class).optional().orElse(null);
    }

    /** Series owned by other agencies, visible to the uploader, holding any of the media. */
    private List<SeriesSummary> foreignSeries(List<Long> mediaIds, long uploader) {
        return jdbc.sql(SERIES + " where s.agency_id <> :agency and" + Visibility.SERIES + """
                          and exists (select 1 from submission v where v.series_id = s.id and v.media_id = any(:media))
                        order by s.id""")
                .param("agency", uploader).param("media", mediaIds.toArray(Long[]::new))
                .query(SeriesSummary.class).list();
    }

}
