package org.ariadne.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.ariadne.server.ServerIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The audit log is append-only and its chain shows tampering. Tampering is done as the database owner
 * with the triggers switched off, as an insider would; each test restores what it changed.
 */
class AuditIT extends ServerIT {

    @Autowired
    AuditLog audit;
    @Autowired
    DataSource dataSource;

    @Test
    void updatesAndDeletesAreRefusedByTheDatabase() {
        audit.record(Actor.SYSTEM, "test.entry", null, Outcome.OK);
        assertThatThrownBy(() -> jdbc.sql("update audit_entry set action = 'x' where seq = 1").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_entry where seq = 1").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_entry").update()).hasMessageContaining("append-only");
    }

    @Test
    void anIntactLogVerifiesAndEveryKindOfTamperingIsFound() throws SQLException {
        for (int i = 0; i < 5; i++) {
            audit.record(Actor.SYSTEM, "test.entry", "thing:" + i, Outcome.OK, Map.of("i", i));
        }
        long last = jdbc.sql("select max(seq) from audit_entry").query(Long.class).single();
        long middle = last - 2;
        assertThat(verify().intact()).isTrue();

        withTriggersOff("update audit_entry set detail = '{\"i\":99}' where seq = " + middle,
                "update audit_entry set detail = '{\"i\":2}' where seq = " + middle,
                result -> assertThat(result.message()).contains("entry " + middle + " was altered"));

        withTriggersOff("create table removed_entry as select * from audit_entry where seq = " + middle
                        + "; delete from audit_entry where seq = " + middle,
                "insert into audit_entry select * from removed_entry; drop table removed_entry",
                result -> assertThat(result.message()).contains("entry " + middle + " is missing"));

        // two entries swapped, numbers and all: the chain links break
        withTriggersOff("""
                        update audit_entry set seq = case seq when %d then -1 else -2 end where seq in (%d, %d);
                        update audit_entry set seq = case seq when -1 then %d else %d end where seq in (-1, -2)"""
                        .formatted(middle, middle, middle + 1, middle + 1, middle),
                """
                        update audit_entry set seq = case seq when %d then -1 else -2 end where seq in (%d, %d);
                        update audit_entry set seq = case seq when -1 then %d else %d end where seq in (-1, -2)"""
                        .formatted(middle, middle, middle + 1, middle + 1, middle),
                result -> assertThat(result.message()).contains("does not follow"));

        assertThat(verify().intact()).isTrue();
    }

    @Test
    void cuttingOffTheNewestEntriesIsFoundByTheAnchorOutsideTheDatabase() throws SQLException {
        for (int i = 0; i < 3; i++) {
            audit.record(Actor.SYSTEM, "test.tail", "thing:" + i, Outcome.OK, Map.of("i", i));
        }
        anchor.write();
        AuditAnchor.Entry anchored = AuditAnchor.read(data);
        assertThat(anchored).isNotNull();
        assertThat(anchored.seq()).isEqualTo(jdbc.sql("select max(seq) from audit_entry").query(Long.class).single());
        try (Connection connection = dataSource.getConnection()) {
            assertThat(AuditVerification.reaches(AuditVerification.verify(connection), anchored, connection).intact()).isTrue();
        }

        long from = anchored.seq() - 1; // the last two entries: what remains is still a valid chain
        run("alter table audit_entry disable trigger user; create table cut_entry as select * from audit_entry where seq >= "
                + from + "; delete from audit_entry where seq >= " + from + "; alter table audit_entry enable trigger user");
        try (Connection connection = dataSource.getConnection()) {
            AuditVerification.Result chainOnly = AuditVerification.verify(connection);
            assertThat(chainOnly.intact()).as("the chain alone cannot tell").isTrue();
            AuditVerification.Result result = AuditVerification.reaches(chainOnly, anchored, connection);
            assertThat(result.intact()).isFalse();
            assertThat(result.message()).contains("newest entries were removed");
        } finally {
            run("alter table audit_entry disable trigger user; insert into audit_entry select * from cut_entry; "
                    + "drop table cut_entry; alter table audit_entry enable trigger user");
        }
    }

    @Test
    void aLogReplacedFromTheAnchoredEntryOnIsFoundByTheAnchorsHash() throws SQLException {
        audit.record(Actor.SYSTEM, "test.replaced", "thing:1", Outcome.OK, Map.of());
        anchor.write();
        AuditAnchor.Entry anchored = AuditAnchor.read(data);
        // a log rebuilt from that entry on is a valid chain again, but its entry has another hash
        AuditAnchor.Entry rebuilt = new AuditAnchor.Entry(anchored.seq(), "0".repeat(anchored.hash().length()));
        try (Connection connection = dataSource.getConnection()) {
            AuditVerification.Result chain = AuditVerification.verify(connection);
            assertThat(AuditVerification.reaches(chain, anchored, connection).intact()).isTrue();
            AuditVerification.Result result = AuditVerification.reaches(chain, rebuilt, connection);
            assertThat(result.intact()).isFalse();
            assertThat(result.message()).contains("entry " + anchored.seq()).contains("replaced");
        }
    }

    private void withTriggersOff(String tamper, String restore,
                                 java.util.function.Consumer<AuditVerification.Result> check) throws SQLException {
        run("alter table audit_entry disable trigger user; " + tamper + "; alter table audit_entry enable trigger user");
        try {
            AuditVerification.Result result = verify();
            assertThat(result.intact()).isFalse();
            check.accept(result);
        } finally {
            run("alter table audit_entry disable trigger user; " + restore + "; alter table audit_entry enable trigger user");
        }
    }

    private void run(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    AuditAnchor anchor;
    @org.springframework.beans.factory.annotation.Value("${ariadne.data}")
    java.nio.file.Path data;

    private AuditVerification.Result verify() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return AuditVerification.verify(connection);
        }
    }
}
