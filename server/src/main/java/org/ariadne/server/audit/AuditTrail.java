package org.ariadne.server.audit;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The audit log as an auditor reads it: newest first, the entries of their own agency's users, filtered by
 * action and user. Reading it is itself audited by the caller.
 */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One entry with the user's name resolved; {@code detail} is the canonical JSON as chained. */
    public record Entry(long seq, java.time.OffsetDateTime at, String username, String action, String target,
                        String outcome, String detail) {
    }

    /**
     * @param actionPrefix only actions starting with this ({@code series.}), or null for all
     * @param username only this user's entries, or null for all
     */
    public List<Entry> entries(long agencyId, String actionPrefix, String username, int offset, int limit) {
        return jdbc.sql("""
                        select e.seq, e.at, u.username, e.action, e.target, e.outcome, e.detail
                        from audit_entry e left join app_user u on u.id = e.user_id
                        where e.agency_id = :agency
                          and (cast(:action as text) is null or starts_with(e.action, cast(:action as text)))
                          and (cast(:username as text) is null or u.username = cast(:username as text))
                        order by e.seq desc offset :offset limit :limit""")
                .param("agency", agencyId).param("action", blankToNull(actionPrefix))
                .param("username", blankToNull(username)).param("offset", offset).param("limit", limit)
                .query(Entry.class).list();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
