package org.ariadne.server.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends to the audit log. Each entry is written in a transaction of its own, so that a refused attempt
 * is recorded even though the request that made it fails, and under a database lock, so that entries get
 * consecutive numbers and each chains to the one before it whatever the number of servers.
 */
@Service
public class AuditLog {

    /** The advisory-lock key that serialises appends (any constant no other code uses). */
    private static final long APPEND_LOCK = 0x4155444954L; // "AUDIT"

    private final JdbcClient jdbc;
    private final AuditAnchor anchor;
    private final TransactionTemplate ownTransaction;
    private final JsonMapper json = JsonMapper.builder().build();

    AuditLog(JdbcClient jdbc, PlatformTransactionManager transactions, AuditAnchor anchor) {
        this.jdbc = jdbc;
        this.anchor = anchor;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Records one action.
     *
     * @param action what was attempted, as {@code noun.verb} ({@code series.view}, {@code media.search})
     * @param target what it was attempted on ({@code series:12}), or null
     * @param detail what else an auditor needs (search terms, changed fields); values must be plain JSON
     */
    public void record(Actor actor, String action, String target, Outcome outcome, Map<String, ?> detail) {
        String canonicalDetail = json.writeValueAsString(new TreeMap<>(detail));
        // PostgreSQL keeps microseconds: hash what will be read back
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        AuditAnchor.Entry appended = ownTransaction.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(APPEND_LOCK).query().singleRow();
            var last = jdbc.sql("select seq, hash from audit_entry order by seq desc limit 1")
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).optional();
            long seq = last.map(row -> (Long) row[0] + 1).orElse(1L);
            String previous = last.map(row -> (String) row[1]).orElse(AuditChain.GENESIS);
            String hash = AuditChain.hash(previous, seq, at, actor.userId(), actor.agencyId(), action, target,
                    outcome.stored(), canonicalDetail);
            jdbc.sql("""
                    insert into audit_entry (seq, at, user_id, agency_id, action, target, outcome, detail, prev_hash, hash)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(seq, java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC), actor.userId(), actor.agencyId(), action, target,
                            outcome.stored(), canonicalDetail, previous, hash)
                    .update();
            return new AuditAnchor.Entry(seq, hash);
        });
        anchor.appended(appended.seq(), appended.hash()); // committed
    }

    public void record(Actor actor, String action, String target, Outcome outcome) {
        record(actor, action, target, outcome, Map.of());
    }
}
