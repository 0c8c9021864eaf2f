package org.ariadne.server.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.ariadne.server.database.Database;
import org.ariadne.server.database.DatabaseSettings;

/**
 * Walks the whole audit log in order and recomputes its chain: an altered entry no longer matches its hash,
 * a removed one leaves a gap in the numbers and a broken link, a moved one breaks the links around it.
 * Reads without Spring, so that {@code ariadne audit verify} can run on its own.
 */
public final class AuditVerification {

    /** What the check found: intact or not, and a sentence for the user. */
    public record Result(boolean intact, long entries, String message) {
    }

    private AuditVerification() {
    }

    public static Result run(DatabaseSettings settings) throws SQLException {
        AuditAnchor.Entry anchored = AuditAnchor.read(settings.dataFolder());
        try (Database database = settings.open(); Connection connection = database.dataSource().getConnection()) {
            Result chain = verify(connection);
            return chain.intact() ? reaches(chain, anchored, connection) : chain;
        }
    }

    /** An intact chain must still reach the entry the server anchored outside the database. */
    static Result reaches(Result chain, AuditAnchor.Entry anchored, Connection connection) throws SQLException {
        if (anchored == null) {
            return chain;
        }
        try (PreparedStatement query = connection.prepareStatement("select hash from audit_entry where seq = ?")) {
            query.setLong(1, anchored.seq());
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return broken(chain.entries(), "the log ends at entry " + chain.entries() + " but the server had written "
                            + "entry " + anchored.seq() + " (" + AuditAnchor.FILE + "): the newest entries were removed");
                }
                if (!anchored.hash().equals(row.getString(1))) {
                    return broken(chain.entries(), "entry " + anchored.seq() + " is not the one the server wrote ("
                            + AuditAnchor.FILE + "): the log was replaced from that entry on");
                }
            }
        }
        return new Result(true, chain.entries(), chain.message() + "; reaches the anchored entry " + anchored.seq());
    }

    static Result verify(Connection connection) throws SQLException {
        connection.setAutoCommit(false); // lets the driver stream rows instead of loading them all
        try (PreparedStatement query = connection.prepareStatement("""
                select seq, at, user_id, agency_id, action, target, outcome, detail, prev_hash, hash
                from audit_entry order by seq""")) {
            query.setFetchSize(10_000);
            try (ResultSet rows = query.executeQuery()) {
                long expected = 1;
                String previous = AuditChain.GENESIS;
                while (rows.next()) {
                    long seq = rows.getLong(1);
                    if (seq != expected) {
                        return broken(expected - 1, "entry " + expected + " is missing (next is " + seq + ")");
                    }
                    if (!previous.equals(rows.getString(9))) {
                        return broken(expected - 1, "entry " + seq + " does not follow entry " + (seq - 1)
                                + " (removed, reordered or altered)");
                    }
                    Instant at = rows.getObject(2, java.time.OffsetDateTime.class).toInstant();
                    String hash = AuditChain.hash(previous, seq, at, nullableLong(rows, 3), nullableLong(rows, 4),
                            rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8));
                    if (!hash.equals(rows.getString(10))) {
                        return broken(expected - 1, "entry " + seq + " was altered (its hash does not match its content)");
                    }
                    previous = hash;
                    expected++;
                }
                long entries = expected - 1;
                return new Result(true, entries, "audit log intact: " + entries + " entries, last hash " + previous);
            }
        } finally {
            connection.rollback();
        }
    }

    private static Result broken(long checked, String why) {
        return new Result(false, checked, "audit log BROKEN: " + why + "; " + checked + " entries before it are intact");
    }

    private static Long nullableLong(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }
}
