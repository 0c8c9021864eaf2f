package org.ariadne.server.series;

import java.util.List;
import org.ariadne.server.audit.AuditLog;
import org.ariadne.server.audit.Outcome;
import org.ariadne.server.security.Account;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Which other series a series shares something with, and why: the same file ({@code exact}), or media
 * linked by matching (near duplicate, same camera, same video, video frame). Each reason comes with one
 * example pair, the closest, so that a specialist can open it side by side. Only series the caller may see.
 */
@Service
public class SeriesLinks {

    /**
     * One reason two series are linked: how many media pairs give it, the closest distance (for a same-scene
     * link, the best score: agreeing features), an example pair, the closest.
     */
    public record Link(long seriesId, String seriesName, String agency, String kind, long pairs, Integer distance,
                       long mediaHere, long mediaThere) {
    }

    private final JdbcClient jdbc;
    private final SeriesCatalog catalog;
    private final AuditLog audit;

    SeriesLinks(JdbcClient jdbc, SeriesCatalog catalog, AuditLog audit) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.audit = audit;
    }

    public List<Link> of(Account account, long seriesId) {
        catalog.requireVisible(account, seriesId, "series.links");
        audit.record(account.actor(), "series.links", "series:" + seriesId, Outcome.OK);
        return jdbc.sql("""
                        with here as (select distinct media_id from submission where series_id = :id),
                        -- each pair of media behind a link, with the other series it reaches: the same file
                        -- in another series, or a link matching recorded
                        pairs as (
                            select v.media_id as here, v.media_id as there, 'exact' as kind, null::int as distance,
                                   v.series_id as other
                            from submission v join here h on h.media_id = v.media_id where v.series_id <> :id
                            union all
                            select l.media_a, l.media_b, l.kind, l.distance, v.series_id
                            from media_link l join here h on h.media_id = l.media_a join submission v on v.media_id = l.media_b
                            union all
                            select l.media_b, l.media_a, l.kind, l.distance, v.series_id
                            from media_link l join here h on h.media_id = l.media_b join submission v on v.media_id = l.media_a),
                        -- the closest pair first: least distance, but most agreeing features for a scene's score
                        ranked as (select *, case when kind = 'same_scene' then -distance else distance end as closeness
                                   from pairs)
                        select s.id as series_id, s.name as series_name, a.name as agency, p.kind,
                               count(distinct (p.here, p.there)) as pairs,
                               case when p.kind = 'same_scene' then max(p.distance) else min(p.distance) end as distance,
                               (array_agg(p.here order by p.closeness nulls first, p.here, p.there))[1] as media_here,
                               (array_agg(p.there order by p.closeness nulls first, p.here, p.there))[1] as media_there
                        from ranked p join series s on s.id = p.other join agency a on a.id = s.agency_id
                        where s.id <> :id and""" + Visibility.SERIES + """
                        group by s.id, s.name, a.name, p.kind
                        order by s.id, p.kind""")
                .param("id", seriesId).param("agency", account.agencyId()).query(Link.class).list();
    }
}
