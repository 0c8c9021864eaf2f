package org.ariadne.server.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * An open database with its schema migrated: the external PostgreSQL the settings name, or an embedded one
 * whose data lives in the data folder (real PostgreSQL binaries from Maven Central, started on a free
 * loopback port). Closing it stops the embedded server.
 */
public final class Database implements AutoCloseable {

    static final String MIGRATIONS = "classpath:db/migration";

    /** Connections the server may hold: web requests plus the ingest workers, on a small machine. */
    private static final int POOL_SIZE = 16;

    private final HikariDataSource dataSource;
    private final EmbeddedPostgresServer embedded;

    private Database(HikariDataSource dataSource, EmbeddedPostgresServer embedded) {
        this.dataSource = dataSource;
        this.embedded = embedded;
    }

    static Database open(DatabaseSettings settings) {
        try {
            Files.createDirectories(settings.dataFolder());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + settings.dataFolder(), e);
        }
        EmbeddedPostgresServer embedded = null;
        HikariConfig config = new HikariConfig();
        if (settings.embedded()) {
            embedded = EmbeddedPostgresServer.start(settings.dataFolder().resolve("postgres"));
            config.setJdbcUrl(embedded.jdbcUrl());
            config.setUsername(EmbeddedPostgresServer.USER);
        } else {
            config.setJdbcUrl(settings.url());
            if (settings.user() != null && !settings.user().isBlank()) {
                config.setUsername(settings.user());
            }
            if (settings.password() != null && !settings.password().isBlank()) {
                config.setPassword(settings.password());
            }
        }
        config.setMaximumPoolSize(POOL_SIZE);
        config.setPoolName("ariadne");
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
            // Out of order: V7 (OpenID Connect) landed after V8 and V9, so a database migrated in between
            // has 8 and 9 and still needs 7. The migrations only add, each independent of the others'
            // order; Flyway's default would refuse to start on such a database.
            Flyway.configure().dataSource(dataSource).locations(MIGRATIONS).outOfOrder(true).load().migrate();
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
        return new Database(dataSource, embedded);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The data folder's embedded server's folder, or null when the database is external. */
    public Path embeddedFolder() {
        return embedded == null ? null : embedded.folder();
    }

    @Override
    public void close() {
        dataSource.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
