package org.ariadne.triage.source;

import java.io.IOException;
import java.io.PushbackInputStream;
import java.util.Locale;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * gzip: a tar inside (a tar.gz, a tgz) is read as one archive, its members named straight after the gzip
 * ({@code x.tar.gz!/photo.jpg}); anything else is a single member named after the gzip without its
 * {@code .gz} ({@code notes.txt.gz!/notes.txt}), or {@value #UNNAMED} when the name has no such suffix.
 * The name stored in the gzip header is ignored: the file's own name is what the examiner sees. Gzips
 * written one after another in a file are read as one, as {@code gunzip} does.
 */
final class GzipFormat implements ArchiveFormat {

    /** gzip's magic number and its only compression method, deflate (RFC 1952). */
    private static final byte[] MAGIC = {0x1f, (byte) 0x8b, 8};
    private static final String SUFFIX = ".gz";
    /** The single member's name when the gzip's own name does not end in {@value #SUFFIX}. */
    static final String UNNAMED = "content";

    @Override
    public boolean recognises(byte[] head) {
        return ArchiveFormat.hasAt(head, 0, MAGIC);
    }

    @Override
    public void read(Archive archive, Members members) throws IOException {
        // Nothing buffers above the gzip: a read running into a truncation fails, the bytes it had inflated
        // with it, so that a large read ahead would lose the last members before the damage.
        try (CountingInputStream raw = new CountingInputStream(archive.open());
             GzipCompressorInputStream gzip = GzipCompressorInputStream.builder()
                     .setInputStream(raw).setDecompressConcatenated(true).get();
             PushbackInputStream in = new PushbackInputStream(members.meterLayer(gzip, raw::count),
                     ArchiveFormats.HEAD_BYTES)) {
            byte[] head = in.readNBytes(ArchiveFormats.HEAD_BYTES);
            in.unread(head);
            if (TarFormat.isTar(head)) {
                TarFormat.readEntries(in, raw::count, members);
            } else {
                members.file(memberName(archive.simpleName()), -1, in, raw::count);
            }
        }
    }

    /** The single member's name: the gzip's without {@value #SUFFIX}, or {@value #UNNAMED}. */
    static String memberName(String gzipName) {
        String stem = gzipName.substring(0, Math.max(0, gzipName.length() - SUFFIX.length()));
        boolean suffixed = gzipName.toLowerCase(Locale.ROOT).endsWith(SUFFIX);
        return suffixed && !stem.isEmpty() && !stem.equals(".") && !stem.equals("..") ? stem : UNNAMED;
    }
}
