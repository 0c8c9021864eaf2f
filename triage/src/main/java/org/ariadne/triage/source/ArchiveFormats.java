package org.ariadne.triage.source;

import java.util.List;

/** The archive formats {@link Sources} expands: the one place a new format is added. */
final class ArchiveFormats {

    /** Bytes read from a file's start to recognise it: tar's magic, the latest, ends at 262. */
    static final int HEAD_BYTES = 262;
    /** Read-ahead from disk for streamed formats, which read in small records (tar's are 512 bytes). */
    static final int READ_AHEAD_BYTES = 1 << 16;

    private static final List<ArchiveFormat> ALL = List.of(new ZipFormat(), new GzipFormat(), new TarFormat());

    private ArchiveFormats() {
    }

    /** The format of a file starting with {@code head}, or null if it is no archive. */
    static ArchiveFormat recognise(byte[] head) {
        for (ArchiveFormat format : ALL) {
            if (format.recognises(head)) {
                return format;
            }
        }
        return null;
    }
}
