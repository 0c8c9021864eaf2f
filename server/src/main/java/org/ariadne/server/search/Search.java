package org.ariadne.server.search;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.ariadne.hashing.MediaHasher;
import org.ariadne.hashing.MediaRecord;
import org.ariadne.hashing.pdq.PdqHash;
import org.ariadne.media.DecodeLimits;
import org.ariadne.server.audit.AuditLog;
import org.ariadne.server.audit.Outcome;
import org.ariadne.server.matching.Matching;
import org.ariadne.server.security.Account;
import org.ariadne.server.series.Visibility;
import org.ariadne.server.web.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Searches over what the caller's agency may see: by image (exact and near-duplicate hits with distances),
 * by hash, by camera and date, by annotation text. Every search is audited with its terms.
 */
@Service
public class Search {

    /** Results a search returns at most: a specialist pages through more with narrower terms. */
    static final int LIMIT = 200;
    private static final Map<String, Pattern> HASH_FORMS = Map.of(
            "md5", Pattern.compile("[0-9a-f]{32}"), "sha1", Pattern.compile("[0-9a-f]{40}"),
            "sha256", Pattern.compile("[0-9a-f]{64}"), "pdq", Pattern.compile("[0-9a-f]{64}"));
    private static final String HIT = """
            select m.id as media_id, m.md5, m.sha256, m.pdq, m.media_type, m.width, m.height, m.camera_make,
                   m.camera_model, m.camera_serial, m.taken_at
            from media m""";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Matching matching;
    private final ThreadLocal<MediaHasher> hashers = ThreadLocal.withInitial(() -> new MediaHasher(DecodeLimits.DEFAULT));

    Search(JdbcClient jdbc, AuditLog audit, Matching matching) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.matching = matching;
    }

    /** Hashes the picture (not stored) and finds the same file and its near duplicates, incl. rotations. */
    public Map<String, Object> byImage(Account account, Path file, String name) {
        MediaRecord record = hashers.get().hash(file, name, picture -> { });
        String sha256 = record.fileSignal("sha256");
        audit.record(account.actor(), "search.image", null, Outcome.OK,
                Map.of("sha256", String.valueOf(sha256), "name", name));
        List<Map<String, Object>> exact = sha256 == null ? List.of()
                : jdbc.sql(HIT + " where m.sha256 = :sha256 and " + Visibility.MEDIA)
                        .param("sha256", sha256).param("agency", account.agencyId()).query().listOfRows();
        List<Map<String, Object>> near = new ArrayList<>();
        if (record.pdq() != null && record.pdq().quality() >= Matching.MIN_PDQ_QUALITY) {
            long self = exact.isEmpty() ? -1 : ((Number) exact.getFirst().get("media_id")).longValue();
            near.addAll(hits(matching.nearDuplicates(record.pdq().dihedral(), account.agencyId(), self)));
        }
        Map<String, Object> result = new java.util.LinkedHashMap<>();
        result.put("md5", record.fileSignal("md5"));
        result.put("sha256", sha256);
        result.put("pdq", record.pdq() == null ? null : record.pdq().hash().hex());
        result.put("pdq_quality", record.pdq() == null ? null : record.pdq().quality());
        result.put("error", record.error());
        result.put("exact", exact);
        result.put("near_duplicates", near);
        return result;
    }

    /** Near-duplicate hits, nearest first, with their distances: one query for all of them. */
    private List<Map<String, Object>> hits(Map<Long, Integer> found) {
        Long[] ids = found.keySet().stream().limit(LIMIT).toArray(Long[]::new);
        Map<Long, Map<String, Object>> rows = new java.util.HashMap<>();
        jdbc.sql(HIT + " where m.id = any(?)").param(ids).query().listOfRows()
                .forEach(row -> rows.put(((Number) row.get("media_id")).longValue(), row));
        List<Map<String, Object>> hits = new ArrayList<>();
        for (Long id : ids) {
            Map<String, Object> hit = rows.get(id);
            hit.put("distance", found.get(id));
            hits.add(hit);
        }
        return hits;
    }

    public List<Map<String, Object>> byHash(Account account, String type, String value) {
        String kind = type == null ? "" : type.toLowerCase(Locale.ROOT);
        String hash = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        Pattern form = HASH_FORMS.get(kind);
        if (form == null || !form.matcher(hash).matches()) {
            throw ApiException.badRequest("give type md5, sha1, sha256 or pdq and its hex value");
        }
        audit.record(account.actor(), "search.hash", null, Outcome.OK, Map.of("type", kind, "value", hash));
        if (kind.equals("pdq")) {
            return hits(matching.nearDuplicates(List.of(PdqHash.parse(hash)), account.agencyId(), -1));
        }
        return jdbc.sql(HIT + " where m." + kind + " = :value and " + Visibility.MEDIA + " limit " + LIMIT)
                .param("value", hash).param("agency", account.agencyId()).query().listOfRows();
    }

    /** By camera body serial, make and model (case-insensitive, exact), and a date range on the taken date. */
    public List<Map<String, Object>> byMetadata(Account account, String serial, String make, String model,
                                                String from, String to) {
        Map<String, Object> terms = new java.util.TreeMap<>();
        StringBuilder where = new StringBuilder(" where ").append(Visibility.MEDIA);
        if (serial != null && !serial.isBlank()) {
            where.append(" and m.camera_serial = :serial");
            terms.put("serial", serial.strip());
        }
        if (make != null && !make.isBlank()) {
            where.append(" and lower(m.camera_make) = lower(:make)");
            terms.put("make", make.strip());
        }
        if (model != null && !model.isBlank()) {
            where.append(" and lower(m.camera_model) = lower(:model)");
            terms.put("model", model.strip());
        }
        if (from != null && !from.isBlank()) {
            where.append(" and m.taken_at >= :from");
            terms.put("from", from.strip());
        }
        if (to != null && !to.isBlank()) {
            where.append(" and m.taken_at < :to");
            terms.put("to", to.strip());
        }
        if (terms.isEmpty()) {
            throw ApiException.badRequest("give at least one of serial, make, model, from, to");
        }
        audit.record(account.actor(), "search.metadata", null, Outcome.OK, terms);
        var query = jdbc.sql(HIT + where + " order by m.taken_at nulls last, m.id limit " + LIMIT)
                .param("agency", account.agencyId());
        for (var term : terms.entrySet()) {
            query = query.param(term.getKey(), term.getValue());
        }
        return query.query().listOfRows();
    }

    /** Annotations of the caller's agency whose text matches the words (full-text, any language). */
    public List<Map<String, Object>> byAnnotation(Account account, String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest("give the text to search for");
        }
        audit.record(account.actor(), "search.annotation", null, Outcome.OK, Map.of("text", text));
        return jdbc.sql("""
                        select n.media_id, n.id as annotation_id, n.clue_type, n.body, n.x, n.y, n.width, n.height
                        from annotation n join media m on m.id = n.media_id
                        where n.agency_id = :agency
                          and to_tsvector('simple', n.body) @@ plainto_tsquery('simple', :text)
                          and""" + Visibility.MEDIA + " order by n.id desc limit " + LIMIT)
                .param("agency", account.agencyId()).param("text", text).query().listOfRows();
    }

    /** Figures over everything the caller may see: victims identified by country and year, and counts. */
    public Map<String, Object> statistics(Account account) {
        audit.record(account.actor(), "statistics.view", null, Outcome.OK);
        Map<String, Object> figures = new java.util.LinkedHashMap<>();
        figures.put("identified_victims", jdbc.sql("""
                        select coalesce(p.country, '??') as country, extract(year from p.identified_at)::int as year,
                               count(*) as victims
                        from person p join series s on s.id = p.series_id
                        where p.kind = 'victim' and p.identified and""" + Visibility.SERIES + " group by 1, 2 order by 2, 1")
                .param("agency", account.agencyId()).query().listOfRows());
        figures.put("series", count("select count(*) from series s where " + Visibility.SERIES, account));
        figures.put("series_victim_identified",
                count("select count(*) from series s where s.victim_identified and " + Visibility.SERIES, account));
        figures.put("media", count("select count(*) from media m where " + Visibility.MEDIA, account));
        figures.put("victims", count("select count(*) from person p join series s on s.id = p.series_id where p.kind = 'victim' and "
                + Visibility.SERIES, account));
        figures.put("offenders", count("select count(*) from person p join series s on s.id = p.series_id where p.kind = 'offender' and "
                + Visibility.SERIES, account));
        figures.put("offenders_identified", count("select count(*) from person p join series s on s.id = p.series_id"
                + " where p.kind = 'offender' and p.identified and " + Visibility.SERIES, account));
        return figures;
    }

    private long count(String sql, Account account) {
        return jdbc.sql(sql).param("agency", account.agencyId()).query(Long.class).single();
    }
}
