package org.ariadne.triage.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.function.LongSupplier;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipMethod;
import org.apache.commons.compress.utils.InputStreamStatistics;

/**
 * zip, read through its central directory (which alone says which entries are symbolic links), members in
 * the order they lie in the file. A zip whose central directory cannot be read (a truncated one) is read
 * from its local headers instead, so that the members before the damage are kept; links are not told from
 * files that way, which is safe, since nothing is ever extracted: a link's target is then hashed as text.
 */
final class ZipFormat implements ArchiveFormat {

    /** A local file header, as a zip with members starts. */
    private static final byte[] LOCAL_HEADER = {'P', 'K', 3, 4};
    /** The end of the central directory, as an empty zip starts. */
    private static final byte[] EMPTY = {'P', 'K', 5, 6};
    /** The longest symbolic-link target read (Linux's PATH_MAX): a longer one is no path. */
    private static final int MAX_LINK_TARGET = 4096;

    @Override
    public boolean recognises(byte[] head) {
        return ArchiveFormat.hasAt(head, 0, LOCAL_HEADER) || ArchiveFormat.hasAt(head, 0, EMPTY);
    }

    @Override
    public void read(Archive archive, Members members) throws IOException {
        try (SeekableByteChannel channel = archive.channel()) {
            ZipFile zip;
            try {
                zip = ZipFile.builder().setSeekableByteChannel(channel).setUseUnicodeExtraFields(true).get();
            } catch (IOException noCentralDirectory) {
                readLocalHeaders(archive, members, noCentralDirectory);
                return;
            }
            try (zip) {
                readCentralDirectory(zip, members);
            }
        }
    }

    private static void readCentralDirectory(ZipFile zip, Members members) throws IOException {
        for (ZipArchiveEntry entry : Collections.list(zip.getEntriesInPhysicalOrder())) {
            String path = entry.getName();
            if (entry.isDirectory()) {
                members.other(path);
            } else if (!zip.canReadEntryData(entry)) {
                members.unreadable(path, entry.getSize(), whyUnreadable(entry));
            } else if (entry.isUnixSymlink()) {
                String target = linkTarget(zip, entry);
                if (target == null) {
                    members.unreadable(path, entry.getSize(), "symbolic link whose target is longer than any path");
                } else {
                    members.link(path, target, true);
                }
            } else {
                readMember(zip, entry, members);
            }
        }
    }

    private static void readMember(ZipFile zip, ZipArchiveEntry entry, Members members) throws IOException {
        InputStream content;
        try {
            content = zip.getInputStream(entry);
        } catch (IOException e) {
            members.unreadable(entry.getName(), entry.getSize(), "corrupt member: " + Reasons.of(e));
            return;
        } catch (LinkageError e) {
            // xz and zstd members need libraries commons-compress only names as optional.
            members.unreadable(entry.getName(), entry.getSize(), whyUnreadable(entry));
            return;
        }
        LongSupplier compressedCount = content instanceof InputStreamStatistics statistics
                ? statistics::getCompressedCount
                : entry::getCompressedSize;
        try (content) {
            members.file(entry.getName(), entry.getSize(), content, compressedCount);
        } catch (CorruptMemberException reported) {
            // The central directory leads to the next member whatever this one holds.
        }
    }

    /** The target of a symbolic link, or null if it is longer than {@link #MAX_LINK_TARGET}. */
    private static String linkTarget(ZipFile zip, ZipArchiveEntry entry) throws IOException {
        try (InputStream content = zip.getInputStream(entry)) {
            byte[] target = content.readNBytes(MAX_LINK_TARGET + 1);
            return target.length > MAX_LINK_TARGET ? null : new String(target, StandardCharsets.UTF_8);
        }
    }

    private static String whyUnreadable(ZipArchiveEntry entry) {
        if (entry.getGeneralPurposeBit().usesEncryption()) {
            return "encrypted member, not read";
        }
        ZipMethod method = ZipMethod.getMethodByCode(entry.getMethod());
        return "compression method " + (method == null ? String.valueOf(entry.getMethod()) : method.name())
                + " not supported, member not read";
    }

    /**
     * Reads the members from their local headers, then fails with why the central directory was not read:
     * a zip without one is damaged even when every member before the damage could be read.
     */
    private static void readLocalHeaders(Archive archive, Members members, IOException noCentralDirectory)
            throws IOException {
        try (InputStream raw = new BufferedInputStream(archive.open(), ArchiveFormats.READ_AHEAD_BYTES);
             ZipArchiveInputStream zip = new ZipArchiveInputStream(raw, StandardCharsets.UTF_8.name(), true, true)) {
            for (ZipArchiveEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.isDirectory()) {
                    members.other(entry.getName());
                } else if (!zip.canReadEntryData(entry)) {
                    members.unreadable(entry.getName(), entry.getSize(), whyUnreadable(entry));
                } else {
                    members.file(entry.getName(), entry.getSize(), zip, zip::getCompressedCount);
                }
            }
        }
        throw new IOException("no readable central directory (" + Reasons.of(noCentralDirectory)
                + "), members read from their local headers");
    }
}
