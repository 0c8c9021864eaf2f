package org.ariadne.triage.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * tar (POSIX ustar, pax and GNU), streamed. Only tars with the {@code ustar} magic are recognised: the
 * pre-POSIX format has no magic at all, and guessing it from a checksum would take random files for tars.
 */
final class TarFormat implements ArchiveFormat {

    /** "ustar" at offset 257, in POSIX ("ustar\0") and GNU ("ustar ") headers alike. */
    private static final byte[] MAGIC = "ustar".getBytes(StandardCharsets.US_ASCII);
    private static final int MAGIC_OFFSET = 257;

    @Override
    public boolean recognises(byte[] head) {
        return isTar(head);
    }

    /** Whether {@code head}, the first bytes of a file or of a gzip's content, starts a tar. */
    static boolean isTar(byte[] head) {
        return ArchiveFormat.hasAt(head, MAGIC_OFFSET, MAGIC);
    }

    @Override
    public void read(Archive archive, Members members) throws IOException {
        try (CountingInputStream raw = new CountingInputStream(archive.open())) {
            readEntries(new BufferedInputStream(raw, ArchiveFormats.READ_AHEAD_BYTES), raw::count, members);
        }
    }

    /**
     * Hands the entries of the tar in {@code in} to {@code members}; {@code compressedCount} counts what
     * is read beneath it so far (the file's bytes; a gzip's, for a tar.gz), so that a sparse entry's expansion is
     * measured. {@code in} is left to the caller to close.
     */
    static void readEntries(InputStream in, LongSupplier compressedCount, Members members) throws IOException {
        TarArchiveInputStream tar = new TarArchiveInputStream(in, StandardCharsets.UTF_8.name());
        for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
            if (entry.isSymbolicLink()) {
                members.link(entry.getName(), entry.getLinkName(), true);
            } else if (entry.isLink()) {
                members.link(entry.getName(), entry.getLinkName(), false);
            } else if (entry.isDirectory() || entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
                members.other(entry.getName());
            } else {
                long start = compressedCount.getAsLong();
                members.file(entry.getName(), entry.getSize(), tar, () -> compressedCount.getAsLong() - start);
            }
        }
    }
}
