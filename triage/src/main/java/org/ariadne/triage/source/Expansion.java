package org.ariadne.triage.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Expands one top-level archive, and the archives nested in it, into items: members are named, checked,
 * read (in memory or spooled) and handed over; nested archives are expanded where they are met; whatever
 * is refused gets a {@link SourceItem.Refused} saying why.
 */
final class Expansion {

    private final SourceLimits limits;
    private final Path temporaryFolder;
    private final Sink sink;
    private final Budget budget;

    private Expansion(SourceLimits limits, Path temporaryFolder, Sink sink, long archiveBytes) {
        this.limits = limits;
        this.temporaryFolder = temporaryFolder;
        this.sink = sink;
        this.budget = new Budget(limits, archiveBytes);
    }

    /** Hands the members of the top-level {@code archive} (of {@code format}) to {@code sink}. */
    static void expand(SourceLimits limits, Path temporaryFolder, Sink sink, ArchiveFormat format, Archive archive) {
        try {
            new Expansion(limits, temporaryFolder, sink, archive.size()).read(format, archive);
        } catch (LimitExceededException reported) {
            // Every archive it stopped has said so already.
        }
    }

    /**
     * Reads {@code archive}: a damaged one ends with an item saying so, and its parent goes on; a limit
     * passed ends it, and its parents too.
     */
    private void read(ArchiveFormat format, Archive archive) throws LimitExceededException {
        try {
            format.read(archive, new Level(archive));
        } catch (LimitExceededException e) {
            sink.accept(new SourceItem.Refused(archive.name(), archive.size(),
                    e.getMessage() + "; the rest of the archive is not read"));
            throw e;
        } catch (Sink.Failure e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Decoders meeting crafted data throw unchecked exceptions too; they damage nothing but this archive.
            sink.accept(new SourceItem.Refused(archive.name(), archive.size(), "corrupt archive: " + Reasons.of(e)));
        }
    }

    /** A read of a member's content. */
    @FunctionalInterface
    private interface Read<T> {
        T run() throws IOException;
    }

    /** The entries of one archive, in the order its format hands them over. */
    private final class Level implements Members {

        private final Archive archive;

        Level(Archive archive) {
            this.archive = archive;
        }

        @Override
        public void file(String path, long declaredSize, InputStream content, LongSupplier compressedCount)
                throws IOException {
            budget.entry();
            InputStream metered = budget.meter(content, compressedCount);
            String member = checked(path, declaredSize);
            String name = archive.name() + MemberNames.SEPARATOR + (member.isEmpty() ? path : member);
            if (member.isEmpty()) {
                skip(name, declaredSize, metered);
                return;
            }
            byte[] head = reading(name, declaredSize, () -> metered.readNBytes(ArchiveFormats.HEAD_BYTES));
            ArchiveFormat nested = ArchiveFormats.recognise(head);
            if (nested != null && archive.depth() >= limits.maxDepth()) {
                skip(name, declaredSize, metered);
                sink.accept(new SourceItem.Refused(name, declaredSize, String.format(Locale.ROOT,
                        "archive nested too deep: more than %d levels", limits.maxDepth())));
                return;
            }
            long inMemoryLimit = nested == null
                    ? limits.maxMemberBytesInMemory()
                    : limits.nestedArchiveBytesInMemory();
            SourceItem item = reading(name, declaredSize,
                    () -> MemberReader.read(name, head, metered, declaredSize, inMemoryLimit, temporaryFolder));
            if (item == null) {
                skip(name, declaredSize, metered);
            } else if (nested == null) {
                sink.accept(item);
            } else {
                expandNested(nested, item);
            }
        }

        /**
         * Reads the rest of a member not handed over, so that its bytes are judged like any others': a
         * streamed archive reads them anyway to reach its next member, and a bomb must not hide there.
         */
        private void skip(String name, long declaredSize, InputStream metered)
                throws LimitExceededException, CorruptMemberException {
            reading(name, declaredSize, () -> metered.transferTo(OutputStream.nullOutputStream()));
        }

        /**
         * Runs {@code read} on the content of the member {@code name}, reporting its failure: null if the
         * member could not be spooled (the walk goes on with the next member).
         */
        private <T> T reading(String name, long declaredSize, Read<T> read)
                throws LimitExceededException, CorruptMemberException {
            try {
                return read.run();
            } catch (SpoolException e) {
                sink.accept(new SourceItem.Refused(name, declaredSize, e.getMessage()));
                return null;
            } catch (LimitExceededException e) {
                sink.accept(new SourceItem.Refused(name, declaredSize, e.getMessage()));
                throw e;
            } catch (IOException | RuntimeException e) {
                sink.accept(new SourceItem.Refused(name, declaredSize, "corrupt member: " + Reasons.of(e)));
                throw new CorruptMemberException(Reasons.of(e), e);
            }
        }

        private void expandNested(ArchiveFormat format, SourceItem item) throws LimitExceededException {
            long size = switch (item) {
                case SourceItem.InMemory memory -> memory.length();
                case SourceItem.OnDisk file -> file.file().toFile().length();
                case SourceItem.Refused refused -> throw new IllegalStateException(refused.name());
            };
            try {
                read(format, new Archive(item, size, archive.depth() + 1));
            } finally {
                if (item instanceof SourceItem.OnDisk spooled) {
                    MemberReader.discard(spooled.file());
                }
            }
        }

        @Override
        public void link(String path, String target, boolean symbolic) throws IOException {
            budget.entry();
            String member = checked(path, -1);
            if (!member.isEmpty() && !MemberNames.staysInside(member, target, symbolic)) {
                sink.accept(new SourceItem.Refused(archive.name() + MemberNames.SEPARATOR + member, -1,
                        (symbolic ? "symbolic" : "hard") + " link leads outside the archive: " + target));
            }
            // A link staying inside names a member hashed where it lies.
        }

        @Override
        public void unreadable(String path, long declaredSize, String reason) throws IOException {
            budget.entry();
            String member = checked(path, declaredSize);
            if (!member.isEmpty()) {
                sink.accept(new SourceItem.Refused(archive.name() + MemberNames.SEPARATOR + member, declaredSize,
                        reason));
            }
        }

        @Override
        public void other(String path) throws IOException {
            budget.entry();
        }

        @Override
        public InputStream meterLayer(InputStream output, LongSupplier compressedCount) {
            return budget.meterLayer(output, compressedCount);
        }

        /** The normalised member path, or empty when there is nothing to name (a refused name is reported). */
        private String checked(String path, long declaredSize) {
            String refusal = MemberNames.refusal(path);
            if (refusal != null) {
                sink.accept(new SourceItem.Refused(archive.name() + MemberNames.SEPARATOR + path, declaredSize,
                        refusal));
                return "";
            }
            return MemberNames.normalise(path);
        }
    }
}
