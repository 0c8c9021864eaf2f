package org.ariadne.server.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ariadne.server.series.Visibility;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An ingest job's media in the three groups a specialist works through: known with the victim identified
 * (nothing to do but contact), known but not identified (join the work), and new (work first).
 *
 * <p>"Known" means the content, or a near duplicate or a picture from the same camera, was already in a
 * series the uploading agency may see; "identified" that one of those series has its victim identified.
 */
final class IngestResults {

    private IngestResults() {
    }

    static Map<String, Object> of(JdbcClient jdbc, long jobId, long agencyId) {
        // series outside the uploading case that hold the media or media linked to it
        String related = """
                from series s join agency a on a.id = s.agency_id join submission v on v.series_id = s.id
                where (v.media_id = r.media_id
                       or v.media_id in (select l.media_b from media_link l where l.media_a = r.media_id
                                         union select l.media_a from media_link l where l.media_b = r.media_id))
                  and not (v.agency_id = j.agency_id and v.investigation_id = j.investigation_id)
                  and""" + Visibility.SERIES;
        List<Map<String, Object>> rows = jdbc.sql("select r.media_id, r.path, m.md5, m.sha256, m.pdq, m.error,"
                        + " exists (select 1 " + related + " and s.victim_identified) as identified,"
                        + " (select string_agg(distinct s.name || ' (' || a.name || ')', '; ') " + related + ") as known_in"
                        + " from ingest_result r join media m on m.id = r.media_id join ingest_job j on j.id = r.job_id"
                        + " where r.job_id = :job order by r.path")
                .param("job", jobId).param("agency", agencyId).query().listOfRows();
        List<Map<String, Object>> identified = new ArrayList<>();
        List<Map<String, Object>> known = new ArrayList<>();
        List<Map<String, Object>> fresh = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            // known only by what the uploader may see: that the content sits in some unshared series is not said
            boolean wasKnown = row.get("known_in") != null;
            boolean isIdentified = (Boolean) row.remove("identified");
            (isIdentified ? identified : wasKnown ? known : fresh).add(row);
        }
        Map<String, Object> groups = new LinkedHashMap<>();
        groups.put("known_identified", identified);
        groups.put("known_not_identified", known);
        groups.put("new", fresh);
        return groups;
    }
}
