package org.ariadne.server.audit;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The audit log's latest entry, written outside the database ({@code <data>/audit.anchor}: its number and
 * hash) at most a second after it was appended. The hash chain shows an entry altered, removed or moved;
 * it cannot show that the newest entries were cut off, since what remains is a valid chain. The anchor
 * can: {@code ariadne audit verify} refuses a log that no longer reaches the anchored entry.
 */
@Component
class AuditAnchor {

    static final String FILE = "audit.anchor";
    private static final Logger LOG = LoggerFactory.getLogger(AuditAnchor.class);
    /** How often the newest entry is written out: the most of the log's tail that could go unnoticed. */
    private static final long INTERVAL_MILLIS = 1000;

    record Entry(long seq, String hash) {
    }

    private final Path file;
    private final AtomicReference<Entry> latest = new AtomicReference<>();
    private Entry written;
    private final Thread writer;

    AuditAnchor(@Value("${ariadne.data}") Path data) {
        this.file = data.resolve(FILE);
        this.writer = Thread.ofVirtual().name("audit-anchor").start(this::writeEverySecond);
    }

    /** Called after an entry's transaction committed. */
    void appended(long seq, String hash) {
        latest.accumulateAndGet(new Entry(seq, hash), (old, now) -> old == null || now.seq() > old.seq() ? now : old);
    }

    private void writeEverySecond() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(INTERVAL_MILLIS);
                write();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized void write() {
        Entry entry = latest.get();
        if (entry == null || entry.equals(written)) {
            return;
        }
        try {
            Path partial = file.resolveSibling(FILE + ".part");
            Files.writeString(partial, entry.seq() + " " + entry.hash() + "\n", StandardCharsets.US_ASCII);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            written = entry;
        } catch (IOException e) {
            LOG.warn("cannot write the audit anchor {}: {}", file, e.getMessage());
        }
    }

    /** At shutdown: the last entries are anchored before the server stops. */
    @PreDestroy
    void close() {
        writer.interrupt();
        write();
    }

    /** The anchored entry in a data folder, or null if none was written there. */
    static Entry read(Path data) {
        Path anchor = data.resolve(FILE);
        if (!Files.isRegularFile(anchor)) {
            return null;
        }
        try {
            String[] parts = Files.readString(anchor, StandardCharsets.US_ASCII).strip().split(" ");
            return new Entry(Long.parseLong(parts[0]), parts[1]);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit anchor " + anchor, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the audit anchor " + anchor + " is not \"<number> <hash>\"", e);
        }
    }
}
