package org.ariadne.server.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL run from the binaries on the class path, its data kept in a folder of ours across restarts.
 *
 * <p>PostgreSQL runs as a daemon of its own: a server process killed outright (the crash that ingest must
 * survive) leaves it running on the folder. Starting again stops that orphan first, found by the pid in
 * its {@code postmaster.pid}, and only if that process is a postgres serving this very folder.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    static final String USER = "postgres";
    /** How long an orphaned postgres gets to stop cleanly before it is killed. */
    private static final Duration ORPHAN_STOP = Duration.ofSeconds(20);

    private final EmbeddedPostgres postgres;
    private final Path folder;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path folder) {
        this.postgres = postgres;
        this.folder = folder;
    }

    static EmbeddedPostgresServer start(Path folder) {
        try {
            Files.createDirectories(folder);
            stopOrphan(folder);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(folder)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            return new EmbeddedPostgresServer(postgres, folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + folder, e);
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl(USER, "postgres");
    }

    Path folder() {
        return folder;
    }

    private static void stopOrphan(Path folder) throws IOException {
        Path pidFile = folder.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.size() < 2) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !isPostgresOf(process.get(), lines.get(1).trim(), folder)) {
            return; // stale file: PostgreSQL itself starts over it
        }
        process.get().destroy(); // SIGTERM: PostgreSQL's "smart" shutdown
        try {
            process.get().onExit().get(ORPHAN_STOP.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            process.get().destroyForcibly();
        }
    }

    private static boolean isPostgresOf(ProcessHandle process, String dataDirectory, Path folder) {
        String command = process.info().command().orElse("");
        return command.endsWith("/postgres")
                && Path.of(dataDirectory).toAbsolutePath().normalize().equals(folder.toAbsolutePath().normalize());
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the embedded PostgreSQL in " + folder, e);
        }
    }
}
