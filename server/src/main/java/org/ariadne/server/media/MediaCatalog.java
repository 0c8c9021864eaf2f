package org.ariadne.server.media;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.ariadne.media.Orientation;
import org.ariadne.server.audit.AuditLog;
import org.ariadne.server.audit.Outcome;
import org.ariadne.server.security.Account;
import org.ariadne.server.security.Role;
import org.ariadne.server.series.Visibility;
import org.ariadne.server.store.MediaStore;
import org.ariadne.server.web.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Media items as a specialist reads them: hashes, metadata, the submissions and links the caller may see,
 * annotations, and the bytes themselves. Every view is audited; media the caller may not see are answered
 * as not found and audited as refused.
 */
@Service
public class MediaCatalog {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The EXIF orientation a media row's metadata (its JSON text) records; normal if it records none. */
    public static Orientation orientation(String metadata) {
        JsonNode orientation = metadata == null ? null : JSON.readTree(metadata).get("orientation");
        return Orientation.fromExif(orientation != null && orientation.isNumber() ? orientation.intValue() : 1);
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final MediaStore store;

    MediaCatalog(JdbcClient jdbc, AuditLog audit, MediaStore store) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.store = store;
    }

    public Map<String, Object> view(Account account, long mediaId) {
        Map<String, Object> media = visible(account, mediaId, "media.view");
        long agency = account.agencyId();
        media.put("submissions", jdbc.sql("""
                        select v.id, a.name as agency, v.series_id, s.name as series, v.original_path, v.submitted_at
                        from submission v join agency a on a.id = v.agency_id left join series s on s.id = v.series_id
                        where v.media_id = :id and (v.agency_id = :agency or (s.id is not null and""" + Visibility.SERIES
                        + ")) order by v.id")
                .param("id", mediaId).param("agency", agency).query().listOfRows());
        media.put("links", jdbc.sql("""
                        select case when l.media_a = :id then l.media_b else l.media_a end as media_id, l.kind, l.distance
                        from media_link l join media m on m.id = case when l.media_a = :id then l.media_b else l.media_a end
                        where (l.media_a = :id or l.media_b = :id) and """ + Visibility.MEDIA + " order by l.distance nulls last")
                .param("id", mediaId).param("agency", agency).query().listOfRows());
        media.put("annotations", annotations(mediaId, agency));
        audit.record(account.actor(), "media.view", "media:" + mediaId, Outcome.OK);
        return media;
    }

    /**
     * A page of the media of a series the caller may see (checked by the caller), in the order they first
     * came in (media ids). The page is found in the (series, media) index alone; only its own rows are read.
     */
    public List<Map<String, Object>> inSeries(Account account, long seriesId, int offset, int limit) {
        audit.record(account.actor(), "series.media", "series:" + seriesId, Outcome.OK,
                Map.of("offset", offset, "limit", limit));
        return jdbc.sql("""
                        select m.id, m.media_type, m.width, m.height, m.category, m.duration_seconds, m.error,
                               (select min(w.original_path) from submission w
                                where w.series_id = :series and w.media_id = m.id) as original_path
                        from (select distinct media_id from submission where series_id = :series
                              order by media_id offset :offset limit :limit) v
                             join media m on m.id = v.media_id
                        order by m.id""")
                .param("series", seriesId).param("offset", offset).param("limit", limit).query().listOfRows();
    }

    /** A page of the media the caller may see that have no agreed category yet, oldest first. */
    public List<Map<String, Object>> uncategorised(Account account, int offset, int limit) {
        audit.record(account.actor(), "media.queue", null, Outcome.OK, Map.of("offset", offset, "limit", limit));
        return jdbc.sql("""
                        select m.id, m.media_type, m.width, m.height, m.category, m.duration_seconds, m.error
                        from media m where m.category is null and m.error is null and""" + Visibility.MEDIA
                        + " order by m.id offset :offset limit :limit")
                .param("agency", account.agencyId()).param("offset", offset).param("limit", limit).query().listOfRows();
    }

    /** The categories media are put in, by code (configurable; 0-5 by default). */
    public List<Map<String, Object>> categories() {
        return jdbc.sql("select code, label from category order by code").query().listOfRows();
    }

    /** The media's bytes, decrypted as they stream out; audited as a view of the content. */
    public InputStream content(Account account, long mediaId) throws IOException {
        Map<String, Object> media = visible(account, mediaId, "media.content");
        audit.record(account.actor(), "media.content", "media:" + mediaId, Outcome.OK);
        return store.open((String) media.get("sha256"));
    }

    public long annotate(Account account, long mediaId, Annotation annotation) {
        account.require(Role.SPECIALIST);
        visible(account, mediaId, "annotation.create");
        long id = jdbc.sql("""
                        insert into annotation (media_id, agency_id, user_id, x, y, width, height, clue_type, body)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(mediaId, account.agencyId(), account.id(), annotation.x(), annotation.y(), annotation.width(),
                        annotation.height(), annotation.clueType(), annotation.body())
                .query(Long.class).single();
        audit.record(account.actor(), "annotation.create", "media:" + mediaId, Outcome.OK,
                Map.of("annotation", id, "clue_type", annotation.clueType()));
        return id;
    }

    private List<Map<String, Object>> annotations(long mediaId, long agency) {
        // annotations are the annotating agency's working notes
        return jdbc.sql("""
                        select n.id, n.x, n.y, n.width, n.height, n.clue_type, n.body, u.display_name as author, n.created_at
                        from annotation n join app_user u on u.id = n.user_id
                        where n.media_id = ? and n.agency_id = ? order by n.id""")
                .params(mediaId, agency).query().listOfRows();
    }

    /** The media item if the caller may see it; otherwise audits the attempt as refused and answers not found. */
    Map<String, Object> visible(Account account, long mediaId, String action) {
        return jdbc.sql("""
                        select m.id, m.sha256, m.sha1, m.md5, m.size, m.media_type, m.width, m.height, m.pdq, m.pdq_quality,
                               m.camera_make, m.camera_model, m.camera_serial, m.taken_at, m.metadata::text as metadata,
                               m.error, m.category, m.first_seen, m.duration_seconds, m.video_codec,
                               m.video_info::text as video_info,
                               (select count(*) from submission v left join series s on s.id = v.series_id
                                where v.media_id = m.id and (v.agency_id = :agency or (s.id is not null and"""
                        + Visibility.SERIES + """
                               ))) as submissions_count
                        from media m where m.id = :id and""" + Visibility.MEDIA)
                .param("id", mediaId).param("agency", account.agencyId()).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> {
                    audit.record(account.actor(), action, "media:" + mediaId, Outcome.REFUSED);
                    return ApiException.notFound("media " + mediaId);
                });
    }
}
