package org.ariadne.triage.source;

import java.io.IOException;
import java.util.Arrays;

/**
 * An archive format: how its files are recognised (by their first bytes, never their names), and how their
 * entries are listed. Formats are listed in {@link ArchiveFormats}.
 */
interface ArchiveFormat {

    /**
     * Whether a file starting with {@code head} (its first {@link ArchiveFormats#HEAD_BYTES} bytes, fewer if
     * it is shorter) is an archive of this format.
     */
    boolean recognises(byte[] head);

    /**
     * Hands every entry of {@code archive} to {@code members}, in the archive's order.
     *
     * @throws IOException if the archive is damaged: the entries handed over stay, the rest is not read
     */
    void read(Archive archive, Members members) throws IOException;

    /** Whether {@code head} has {@code magic} at {@code offset}. */
    static boolean hasAt(byte[] head, int offset, byte[] magic) {
        return head.length >= offset + magic.length
                && Arrays.equals(head, offset, offset + magic.length, magic, 0, magic.length);
    }
}
