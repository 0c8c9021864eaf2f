package org.ariadne.server.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Background threads that ingest uploaded files in two steps, each one transaction: hash, store and submit
 * (the file becomes {@code hashed}), then link and deconflict (it becomes {@code done}). A file is claimed
 * with {@code FOR UPDATE SKIP LOCKED} and moved on in the same transaction that records what came of it, so a
 * server killed mid-file leaves it where it was and a restart simply takes it again: nothing is lost, and
 * since every row the ingest writes is keyed by content and name, nothing is counted twice either.
 */
@Component
class IngestWorkers implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(IngestWorkers.class);
    /** How often an idle worker looks for work it was not woken for (another server's uploads). */
    private static final long IDLE_POLL_MILLIS = 2_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final IngestFileProcessor processor;
    private final int threads;
    private final Object signal = new Object();
    private final AtomicBoolean running = new AtomicBoolean();
    private Thread[] workers = new Thread[0];

    IngestWorkers(JdbcClient jdbc, PlatformTransactionManager transactions, IngestFileProcessor processor,
                  @Value("${ariadne.ingest.threads:0}") int threads) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.processor = processor;
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** Tells idle workers that there is work. */
    void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    @Override
    public void start() {
        running.set(true);
        workers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            workers[i] = Thread.ofPlatform().name("ingest-" + i).daemon().start(this::work);
        }
    }

    @Override
    public void stop() {
        running.set(false);
        wake();
        for (Thread worker : workers) {
            try {
                worker.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    private void work() {
        while (running.get()) {
            boolean didSome;
            try {
                didSome = Boolean.TRUE.equals(transaction.execute(status -> processOne()));
            } catch (RuntimeException e) {
                LOG.error("ingest failed; the file stays pending and is tried again", e);
                didSome = false;
                sleep(IDLE_POLL_MILLIS);
            }
            if (!didSome) {
                synchronized (signal) {
                    try {
                        signal.wait(IDLE_POLL_MILLIS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    private boolean processOne() {
        Optional<PendingFile> claimed = jdbc.sql("""
                        select f.id, f.job_id, f.original_name, f.spool_path, j.agency_id, j.investigation_id, j.series_id,
                               f.state
                        from ingest_file f join ingest_job j on j.id = f.job_id
                        where f.state <> 'done' order by f.id limit 1 for update of f skip locked""")
                .query(PendingFile.class).optional();
        if (claimed.isEmpty()) {
            return false;
        }
        PendingFile file = claimed.get();
        if (file.state().equals("pending")) {
            jdbc.sql("update ingest_job set state = 'running' where id = ? and state = 'queued'").param(file.jobId()).update();
            IngestFileProcessor.Outcome outcome = processor.process(file);
            jdbc.sql("update ingest_file set state = 'hashed', media_count = ?, problems = ?::jsonb where id = ?")
                    .params(outcome.media(), outcome.problemsJson(), file.id()).update();
            return true; // committed now; the next round (most likely this worker's) links it
        }
        processor.link(file);
        jdbc.sql("update ingest_file set state = 'done' where id = ?").param(file.id()).update();
        finishIfDone(file.jobId());
        return true;
    }

    private void finishIfDone(long jobId) {
        // Two workers finishing a job's last two files must not each see the other's file as unfinished
        // (neither commit visible to the other): the job's row lock orders them, and the second one's check,
        // a new statement, sees the first one's commit.
        jdbc.sql("select id from ingest_job where id = ? for update").param(jobId).query(Long.class).single();
        int finished = jdbc.sql("""
                        update ingest_job set state = 'done', finished_at = now() where id = ? and state <> 'done'
                        and not exists (select 1 from ingest_file where job_id = ? and state <> 'done')""")
                .params(jobId, jobId).update();
        if (finished > 0) {
            Path folder = Path.of(jdbc.sql("select spool_path from ingest_file where job_id = ? limit 1")
                    .param(jobId).query(String.class).single()).getParent();
            deleteLater(folder);
        }
    }

    /** Removes a finished job's spool folder once its last file's transaction has committed. */
    private void deleteLater(Path folder) {
        // Deleted only after the commit: a crash before it leaves the job unfinished with its files in place.
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        try (Stream<Path> paths = Files.walk(folder)) {
                            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                        } catch (IOException e) {
                            LOG.warn("cannot remove the spool folder {}", folder, e);
                        }
                    }
                });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A claimed file and what its job says about where it goes. */
    record PendingFile(long id, long jobId, String originalName, String spoolPath, long agencyId,
                       long investigationId, Long seriesId, String state) {
    }
}
