package org.ariadne.triage.source;

import java.io.InputStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * What one top-level archive has cost so far, the archives nested in it included, against the
 * {@link SourceLimits}. Every member's bytes are counted as they are read, so that a bomb is stopped a few
 * MiB in, never inflated whole. A nested archive's bytes count twice, as its parent's member and again as
 * its own members: that is the work done.
 */
final class Budget {

    /**
     * Below this much expanded, a ratio is not judged: a small file of zeros compresses a thousand times
     * and is no bomb.
     */
    static final long RATIO_FLOOR = 1 << 20;
    /**
     * Decompressors read ahead of what they have inflated (gzip buffers 8 KiB below its inflater), so the
     * archive bytes counted beneath them while a member is read may belong to the member before: this much
     * is allowed for, so that an honest member is not refused for a ratio it does not have.
     */
    static final long READ_AHEAD_SLACK = 32 << 10;

    private final SourceLimits limits;
    private final long archiveBytes;
    private long expanded;
    private long entries;

    /** {@code archiveBytes}: the top-level archive's size, which its whole expansion is measured against. */
    Budget(SourceLimits limits, long archiveBytes) {
        this.limits = limits;
        this.archiveBytes = archiveBytes;
    }

    /** Counts one more entry, of any kind, in the top-level archive or one nested in it. */
    void entry() throws LimitExceededException {
        if (++entries > limits.maxEntries()) {
            throw new LimitExceededException(String.format(Locale.ROOT, "too many entries: more than %,d",
                    limits.maxEntries()));
        }
    }

    /**
     * {@code content}, counted against the limits as it is read; {@code compressedCount} gives the bytes of
     * the archive read for this member so far.
     */
    InputStream meter(InputStream content, LongSupplier compressedCount) {
        return new Meter(content, compressedCount, true);
    }

    /**
     * The whole output of a compression layer (a tar.gz's gzip), judged as it is read like a member's,
     * so that what the archive reader above skips without handing it over (a link entry's data, say) cannot
     * hide a bomb; not added to the expanded total, which its members' bytes are.
     */
    InputStream meterLayer(InputStream output, LongSupplier compressedCount) {
        return new Meter(output, compressedCount, false);
    }

    private void check(long produced, long consumed) throws LimitExceededException {
        if (Math.max(expanded, produced) > limits.maxArchiveBytes()) {
            throw new LimitExceededException(String.format(Locale.ROOT,
                    "archive bomb refused: expands to more than %,d bytes", limits.maxArchiveBytes()));
        }
        if (exceedsRatio(produced, consumed + READ_AHEAD_SLACK) || exceedsRatio(expanded, archiveBytes)) {
            throw new LimitExceededException(String.format(Locale.ROOT,
                    "archive bomb refused: expands more than %,d times", limits.maxRatio()));
        }
    }

    private boolean exceedsRatio(long produced, long consumed) {
        return produced > RATIO_FLOOR && consumed <= Long.MAX_VALUE / limits.maxRatio()
                && produced > consumed * limits.maxRatio();
    }

    /** One member's content, or a compression layer's output, checked after every read. */
    private final class Meter extends CountingInputStream {

        private final LongSupplier compressedCount;
        private final boolean member;

        Meter(InputStream content, LongSupplier compressedCount, boolean member) {
            super(content);
            this.compressedCount = compressedCount;
            this.member = member;
        }

        @Override
        void counted(int bytes) throws LimitExceededException {
            if (member) {
                expanded += bytes;
            }
            check(count(), compressedCount.getAsLong());
        }

        /** The archive's stream, not the member's: its reader closes it. */
        @Override
        public void close() {
        }
    }
}
