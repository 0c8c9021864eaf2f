package org.ariadne.server.media;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.ariadne.server.audit.AuditLog;
import org.ariadne.server.audit.Outcome;
import org.ariadne.server.security.Account;
import org.ariadne.server.security.Role;
import org.ariadne.server.series.Visibility;
import org.ariadne.server.web.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Categorisation by consensus: each specialist votes a category for a media item, and the category becomes
 * final ({@code media.category}) once enough of them agree. Votes of every agency count together, since all
 * specialists who may see a media item see the same content; a specialist may vote only on media their
 * agency may see ({@link Visibility#MEDIA}). Who voted what is never shown, only how many voted each category.
 *
 * <p>The rule ({@link #finalCategory}): the category with the most votes is final when it has at least
 * {@code ariadne.categorisation.agreement} votes and more than any other category. A tie at the top leaves
 * the media item open, listed among the {@link #disagreements}: a final category that a tie could flip
 * would be arbitrary.
 */
@Service
public class Categorisation {

    /**
     * Specialists who must agree before a category is final, by default: two, so that no one person's
     * judgement settles it alone, while a single colleague's review is all a team needs to confirm one.
     */
    public static final int DEFAULT_AGREEMENT = 2;

    /**
     * Media items one bulk call may carry: a few pages of the grid (100 a page), and few enough that the
     * rows it locks are held only briefly.
     */
    public static final int MAX_BULK = 500;

    /** Disagreements listed at most per page. */
    public static final int MAX_PAGE = 500;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final int agreement;

    Categorisation(JdbcClient jdbc, AuditLog audit, PlatformTransactionManager transactions,
                   @Value("${ariadne.categorisation.agreement:" + DEFAULT_AGREEMENT + "}") int agreement) {
        if (agreement < 1) {
            throw new IllegalArgumentException("ariadne.categorisation.agreement must be at least 1: " + agreement);
        }
        this.jdbc = jdbc;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.agreement = agreement;
    }

    /**
     * The votes on a media item as one user sees them.
     *
     * @param ownVote the user's own vote, or null
     * @param finalCategory the final category, or null while specialists have not agreed
     * @param counts votes per category code (categories without votes are absent)
     */
    public record VoteState(long mediaId, String ownVote, String finalCategory, Map<String, Integer> counts) {

        public VoteState {
            counts = java.util.Collections.unmodifiableMap(new TreeMap<>(counts));
        }
    }

    /** How many specialists must agree (property {@code ariadne.categorisation.agreement}). */
    public int agreement() {
        return agreement;
    }

    /** A specialist's vote; replaces their earlier vote on the same media item. */
    public VoteState vote(Account account, long mediaId, String category) {
        return vote(account, List.of(mediaId), category).getFirst();
    }

    /** Takes back the user's vote (the grid's undo); nothing changes if they had none. */
    public VoteState withdraw(Account account, long mediaId) {
        return withdraw(account, List.of(mediaId)).getFirst();
    }

    /**
     * The same vote on many media items, in one transaction: all or none (a media item the user may not
     * see refuses the whole call). One audit entry per media item.
     */
    public List<VoteState> vote(Account account, Collection<Long> mediaIds, String category) {
        if (category == null || category.isBlank()) {
            throw ApiException.badRequest("a category is needed");
        }
        return change(account, mediaIds, category, "media.vote");
    }

    /** Takes back the user's votes on many media items, in one transaction. */
    public List<VoteState> withdraw(Account account, Collection<Long> mediaIds) {
        return change(account, mediaIds, null, "media.unvote");
    }

    /** The legacy {@code PUT /api/media/{id}/category}: a vote, audited under its old action name. */
    void categorise(Account account, long mediaId, String category) {
        if (category == null || category.isBlank()) {
            throw ApiException.badRequest("a category is needed");
        }
        change(account, List.of(mediaId), category, "media.categorise");
    }

    /** The votes on these media items, in the order asked; audited as one view. */
    public List<VoteState> state(Account account, Collection<Long> mediaIds) {
        List<Long> media = checked(mediaIds);
        requireVisible(account, media, "media.votes");
        audit.record(account.actor(), "media.votes", null, Outcome.OK, Map.of("media", media));
        return states(account, media);
    }

    /**
     * Media items the user may see with votes for two or more categories and no final category, oldest
     * first, with their counts.
     */
    public List<VoteState> disagreements(Account account, int offset, int limit) {
        // from the votes, not the media: most media have no final category, few have votes
        List<Long> media = jdbc.sql("""
                        select m.id
                        from (select media_id from category_vote group by media_id having count(distinct category) >= 2) d
                        join media m on m.id = d.media_id
                        where m.category is null and""" + Visibility.MEDIA + """
                         order by m.id offset :offset limit :limit""")
                .param("agency", account.agencyId()).param("offset", Math.max(0, offset))
                .param("limit", Math.clamp(limit, 1, MAX_PAGE)).query(Long.class).list();
        audit.record(account.actor(), "categorisation.disagreements", null, Outcome.OK,
                Map.of("offset", offset, "limit", limit, "found", media.size()));
        return states(account, media);
    }

    /**
     * The final category for these counts, or null: the leading category if it has at least
     * {@code agreement} votes and strictly more than any other.
     */
    static String finalCategory(Map<String, Integer> counts, int agreement) {
        String leader = null;
        int most = 0;
        boolean tied = false;
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            if (entry.getValue() > most) {
                leader = entry.getKey();
                most = entry.getValue();
                tied = false;
            } else if (entry.getValue() == most) {
                tied = true;
            }
        }
        return !tied && most >= agreement ? leader : null;
    }

    private List<VoteState> change(Account account, Collection<Long> mediaIds, String category, String action) {
        account.require(Role.SPECIALIST);
        List<Long> media = checked(mediaIds);
        requireVisible(account, media, action);
        if (category != null
                && jdbc.sql("select count(*) from category where code = ?").param(category).query(Long.class).single() == 0) {
            throw ApiException.badRequest("no such category: " + category);
        }
        Map<Long, String> settled = transaction.execute(status -> {
            Long[] ids = media.toArray(Long[]::new);
            // one vote at a time per media item, so two agreeing votes cast together both see each other
            jdbc.sql("select id from media where id = any(?) order by id for update").param(ids).query().listOfRows();
            if (category == null) {
                jdbc.sql("delete from category_vote where media_id = any(?) and user_id = ?").params(ids, account.id()).update();
            } else {
                jdbc.sql("""
                                insert into category_vote (media_id, user_id, agency_id, category)
                                select id, ?, ?, ? from unnest(?::bigint[]) as id
                                on conflict (media_id, user_id) do update set category = excluded.category, voted_at = now()""")
                        .params(account.id(), account.agencyId(), category, ids).update();
            }
            Map<Long, String> finals = new HashMap<>();
            counts(media).forEach((id, counts) -> finals.put(id, finalCategory(counts, agreement)));
            for (Long id : media) {
                jdbc.sql("update media set category = ? where id = ? and category is distinct from ?")
                        .params(finals.get(id), id, finals.get(id)).update();
            }
            return finals;
        });
        for (Long id : media) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("category", category);
            detail.put("final", settled.get(id));
            audit.record(account.actor(), action, "media:" + id, Outcome.OK, detail);
        }
        return states(account, media);
    }

    private static List<Long> checked(Collection<Long> mediaIds) {
        if (mediaIds == null || mediaIds.isEmpty() || mediaIds.stream().anyMatch(java.util.Objects::isNull)) {
            throw ApiException.badRequest("a list of media ids is needed");
        }
        Set<Long> distinct = new LinkedHashSet<>(mediaIds);
        if (distinct.size() > MAX_BULK) {
            throw ApiException.badRequest("at most " + MAX_BULK + " media items a call");
        }
        return List.copyOf(distinct);
    }

    /** Answers as not found, and audits as refused, every media item the user may not see. */
    private void requireVisible(Account account, List<Long> media, String action) {
        Set<Long> visible = Set.copyOf(jdbc.sql("select m.id from media m where m.id = any(:ids) and" + Visibility.MEDIA)
                .param("ids", media.toArray(Long[]::new)).param("agency", account.agencyId()).query(Long.class).list());
        List<Long> refused = media.stream().filter(id -> !visible.contains(id)).toList();
        for (Long id : refused) {
            audit.record(account.actor(), action, "media:" + id, Outcome.REFUSED);
        }
        if (!refused.isEmpty()) {
            throw ApiException.notFound("media " + refused.getFirst());
        }
    }

    private List<VoteState> states(Account account, List<Long> media) {
        Long[] ids = media.toArray(Long[]::new);
        Map<Long, Map<String, Integer>> counts = counts(media);
        Map<Long, String> finals = new HashMap<>();
        Map<Long, String> own = new HashMap<>();
        jdbc.sql("""
                        select m.id, m.category,
                               (select c.category from category_vote c where c.media_id = m.id and c.user_id = ?) as own
                        from media m where m.id = any(?)""")
                .params(account.id(), ids).query((rs, n) -> {
                    finals.put(rs.getLong(1), rs.getString(2));
                    own.put(rs.getLong(1), rs.getString(3));
                    return null;
                }).list();
        List<VoteState> states = new ArrayList<>(media.size());
        for (Long id : media) {
            states.add(new VoteState(id, own.get(id), finals.get(id), counts.get(id)));
        }
        return states;
    }

    /** Votes per category of each media item (an empty map for one without votes). */
    private Map<Long, Map<String, Integer>> counts(List<Long> media) {
        Map<Long, Map<String, Integer>> counts = new HashMap<>();
        media.forEach(id -> counts.put(id, new TreeMap<>()));
        jdbc.sql("select media_id, category, count(*) from category_vote where media_id = any(?) group by media_id, category")
                .param(media.toArray(Long[]::new))
                .query((rs, n) -> counts.get(rs.getLong(1)).put(rs.getString(2), rs.getInt(3))).list();
        return counts;
    }
}
