package org.ariadne.triage.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a member's content into memory, or, past a size, into a temporary file of a name chosen here
 * (never derived from the member's), created readable by its owner only.
 */
final class MemberReader {

    /** The first buffer for a member of no declared size; it doubles as the member grows. */
    private static final int FIRST_BUFFER = 64 << 10;
    /**
     * A declared size is believed for the first buffer up to this much; beyond, the buffer grows as the
     * bytes come, so that a lying header (a bomb declares gigabytes) costs no large allocation before
     * the member's ratio is judged.
     */
    private static final int FIRST_BUFFER_DECLARED = 1 << 20;
    /** Bytes copied at a time into a temporary file. */
    private static final int COPY_BUFFER = 64 << 10;

    private MemberReader() {
    }

    /**
     * The member {@code name}: {@code head} (its first bytes, read already) then the rest of
     * {@code content}, as an {@link SourceItem.InMemory} if it is at most {@code inMemoryLimit} bytes, else
     * as a temporary {@link SourceItem.OnDisk} under {@code temporaryFolder}. The declared size only sizes
     * buffers: a lie costs a copy, never a wrong item.
     *
     * @throws SpoolException if the temporary file could not be written
     * @throws IOException    if the content could not be read
     */
    static SourceItem read(String name, byte[] head, InputStream content, long declaredSize, long inMemoryLimit,
                           Path temporaryFolder) throws IOException {
        if (head.length > inMemoryLimit) {
            return spool(name, head, head.length, content, temporaryFolder);
        }
        long first = declaredSize >= 0 ? Math.min(declaredSize, FIRST_BUFFER_DECLARED) : FIRST_BUFFER;
        byte[] buffer = Arrays.copyOf(head, (int) Math.min(inMemoryLimit, Math.max(head.length, first)));
        int length = head.length;
        while (true) {
            if (length == buffer.length) {
                // Full: one byte more says whether the member ends here, before a larger buffer is taken.
                int next = content.read();
                if (next < 0) {
                    break;
                }
                if (length == inMemoryLimit) {
                    byte[] whole = Arrays.copyOf(buffer, length + 1);
                    whole[length] = (byte) next;
                    return spool(name, whole, whole.length, content, temporaryFolder);
                }
                buffer = Arrays.copyOf(buffer, (int) Math.min(inMemoryLimit, grown(length, declaredSize)));
                buffer[length++] = (byte) next;
            }
            int n = content.read(buffer, length, buffer.length - length);
            if (n < 0) {
                break;
            }
            length += n;
        }
        return new SourceItem.InMemory(name, buffer, length);
    }

    /** The next buffer's size: double, but no more than declared when the member is still short of it. */
    private static long grown(int length, long declaredSize) {
        long doubled = Math.max(2L * length, FIRST_BUFFER);
        return declaredSize > length ? Math.min(doubled, declaredSize) : doubled;
    }

    private static SourceItem.OnDisk spool(String name, byte[] start, int length, InputStream content,
                                           Path temporaryFolder) throws IOException {
        Path file;
        try {
            file = Files.createTempFile(temporaryFolder, "member-", ".spool");
        } catch (IOException e) {
            throw new SpoolException(e);
        }
        try (OutputStream out = output(file)) {
            write(out, start, length);
            byte[] copy = new byte[COPY_BUFFER];
            for (int n = content.read(copy); n >= 0; n = content.read(copy)) {
                write(out, copy, n);
            }
        } catch (IOException | RuntimeException e) {
            discard(file);
            throw e;
        }
        return new SourceItem.OnDisk(name, file, true);
    }

    /** Deletes a temporary file no one will be handed; one left behind goes with the temporary folder. */
    static void discard(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException leftForTheFolder) {
            // The temporary folder is its owner's to clear.
        }
    }

    private static OutputStream output(Path file) throws SpoolException {
        try {
            return Files.newOutputStream(file);
        } catch (IOException e) {
            throw new SpoolException(e);
        }
    }

    /** Writes to the temporary file, telling its failures from those of reading the archive. */
    private static void write(OutputStream out, byte[] bytes, int length) throws SpoolException {
        try {
            out.write(bytes, 0, length);
        } catch (IOException e) {
            throw new SpoolException(e);
        }
    }
}
