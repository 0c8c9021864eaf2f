package org.ariadne.triage.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;

/**
 * What an {@link ArchiveFormat} hands an archive's entries to, in the archive's order, with their paths as
 * stored (checked and normalised on this side: a format never judges a name). Every entry counts toward
 * {@link SourceLimits#maxEntries()}.
 */
interface Members {

    /**
     * A member with content. {@code declaredSize} is what the archive says (-1 when it does not), not
     * trusted. {@code content} is read here and not closed; {@code compressedCount} gives the bytes of the
     * archive read for this member so far (its compressed size, if that is all a format knows), against
     * which its expansion is measured.
     *
     * @throws CorruptMemberException if the content could not be read (the member is reported already)
     * @throws LimitExceededException if the archive went past a limit: stop reading it
     */
    void file(String path, long declaredSize, InputStream content, LongSupplier compressedCount) throws IOException;

    /**
     * A link: a symbolic one's target is relative to the link's folder, a hard one's to the archive's root.
     */
    void link(String path, String target, boolean symbolic) throws IOException;

    /** A member this format cannot read (encrypted, an unsupported method), with why. */
    void unreadable(String path, long declaredSize, String reason) throws IOException;

    /** An entry without content of its own: a folder, a device. */
    void other(String path) throws IOException;

    /**
     * {@code output}, the whole output of a compression layer under the archive (a tar.gz's gzip), judged
     * for size and ratio as it is read, so that entries the archive reader skips are counted too;
     * {@code compressedCount} gives the compressed bytes read so far.
     */
    InputStream meterLayer(InputStream output, LongSupplier compressedCount);
}
