package org.ariadne.server.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** A data folder made by an earlier version opens with today's server, which migrates it. */
class DatabaseUpgradeIT {

    @Test
    void aDatabaseMigratedBeforeTheOidcMigrationLandedStillReceivesIt(@TempDir Path data, @TempDir Path older)
            throws Exception {
        // The migrations as they were between V9 and V7's arrival: all but V7.
        Path migrations = Path.of(DatabaseUpgradeIT.class.getResource("/db/migration").toURI());
        try (Stream<Path> files = Files.list(migrations)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().startsWith("V7__")).toList()) {
                Files.copy(file, older.resolve(file.getFileName()));
            }
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data.resolve("postgres"))) {
            PGSimpleDataSource source = new PGSimpleDataSource();
            source.setUrl(server.jdbcUrl());
            source.setUser(EmbeddedPostgresServer.USER);
            Flyway.configure().dataSource(source).locations("filesystem:" + older).load().migrate();
        }

        try (Database database = new DatabaseSettings(data, null, null, null).open();
             Connection connection = database.dataSource().getConnection();
             ResultSet column = connection.getMetaData().getColumns(null, null, "app_user", "oidc_subject")) {
            assertThat(column.next()).as("V7's column added to the older database").isTrue();
        }
    }
}
