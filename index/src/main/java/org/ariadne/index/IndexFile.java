package org.ariadne.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Ariadne's index file: a header, the index's own data, and a checksum, so that a file from another
 * program, another signal or a newer version, or a truncated or damaged one, is refused with a clear
 * message instead of being read as garbage. Never Java serialization.
 *
 * <pre>
 * magic          8 bytes   "ARIADIDX"
 * version        u16       format version, 1
 * signal         u16 + n   length, then the signal type's name in UTF-8
 * data length    u64
 * data           the index's own layout, little-endian
 * checksum       u32       CRC-32C of everything before it
 * </pre>
 *
 * Files are written to a temporary name and moved into place, so a crash never leaves half an index.
 */
public final class IndexFile {

    private static final byte[] MAGIC = "ARIADIDX".getBytes(StandardCharsets.US_ASCII);
    /** The version this code writes and reads. */
    public static final int VERSION = 1;
    private static final int CHECKSUM_BYTES = 4;
    /** A data block is read into one buffer. */
    private static final long MAX_DATA = Integer.MAX_VALUE - 64;

    private IndexFile() {
    }

    /**
     * A buffer for a data block of {@code length} bytes, or an error saying the index is too large for
     * one file (about 2 GB: 67 million PDQ hashes).
     */
    public static ByteBuffer dataBuffer(long length) throws IOException {
        if (length > MAX_DATA) {
            throw new IOException("this index needs " + length + " bytes of data; one index file holds at most "
                    + MAX_DATA + " (split the set into several indexes)");
        }
        return ByteBuffer.allocateDirect((int) length).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Writes a complete index file: {@code data} must be positioned at 0 and hold exactly the index's layout. */
    public static void write(Path file, String signalName, ByteBuffer data) throws IOException {
        byte[] name = signalName.getBytes(StandardCharsets.UTF_8);
        ByteBuffer header = ByteBuffer.allocate(MAGIC.length + 2 + 2 + name.length + 8).order(ByteOrder.LITTLE_ENDIAN);
        header.put(MAGIC).putShort((short) VERSION).putShort((short) name.length).put(name).putLong(data.remaining());
        header.flip();
        CRC32C crc = new CRC32C();
        crc.update(header.duplicate());
        crc.update(data.duplicate());
        ByteBuffer trailer = ByteBuffer.allocate(CHECKSUM_BYTES).order(ByteOrder.LITTLE_ENDIAN).putInt((int) crc.getValue()).flip();

        Path parent = file.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".part");
        try {
            readableLikeOtherFiles(temporary, file);
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                for (ByteBuffer part : new ByteBuffer[] {header, data.duplicate(), trailer}) {
                    while (part.hasRemaining()) {
                        out.write(part);
                    }
                }
                out.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Temporary files are private (0600); an index is meant to be shared like any file written in place:
     * the permissions of the file it replaces, or else owner read-write and read for the others.
     */
    private static void readableLikeOtherFiles(Path temporary, Path file) throws IOException {
        if (!Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
            return;
        }
        java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions = Files.exists(file)
                ? Files.getPosixFilePermissions(file)
                : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temporary, permissions);
    }

    /**
     * Reads and checks an index file of the given signal, and returns its data block (little-endian,
     * positioned at 0).
     *
     * @throws IndexFileException if the file is not an index, holds another signal, has another version,
     *     is truncated or fails its checksum
     */
    public static ByteBuffer read(Path file, String signalName) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = in.size();
            ByteBuffer start = readFully(in, 0, (int) Math.min(size, MAGIC.length + 4), file);
            byte[] magic = new byte[MAGIC.length];
            if (start.remaining() < MAGIC.length + 4 || !java.util.Arrays.equals(get(start, magic), MAGIC)) {
                throw new IndexFileException(file, "not an Ariadne index file");
            }
            int version = Short.toUnsignedInt(start.getShort());
            int nameLength = Short.toUnsignedInt(start.getShort());
            if (version != VERSION) {
                throw new IndexFileException(file, "index format version " + version
                        + " is not supported (this version of Ariadne reads version " + VERSION + ")");
            }
            long headerLength = MAGIC.length + 4L + nameLength + 8;
            if (size < headerLength + CHECKSUM_BYTES) {
                throw new IndexFileException(file, "truncated: the file ends inside its header");
            }
            ByteBuffer rest = readFully(in, MAGIC.length + 4, nameLength + 8, file);
            String stored = new String(get(rest, new byte[nameLength]), StandardCharsets.UTF_8);
            long dataLength = rest.getLong();
            if (!stored.equals(signalName)) {
                throw new IndexFileException(file, "holds an index of '" + stored + "' values, not '" + signalName + "'");
            }
            if (dataLength < 0 || dataLength > MAX_DATA) {
                throw new IndexFileException(file, "corrupt: impossible data length " + dataLength);
            }
            long expected = headerLength + dataLength + CHECKSUM_BYTES;
            if (size != expected) {
                throw new IndexFileException(file, (size < expected ? "truncated" : "corrupt")
                        + ": the header promises " + expected + " bytes, the file has " + size);
            }
            ByteBuffer data = ByteBuffer.allocateDirect((int) dataLength).order(ByteOrder.LITTLE_ENDIAN);
            readInto(in, headerLength, data, file);
            data.flip();
            ByteBuffer trailer = readFully(in, headerLength + dataLength, CHECKSUM_BYTES, file);

            CRC32C crc = new CRC32C();
            crc.update(readFully(in, 0, (int) headerLength, file));
            crc.update(data.duplicate());
            if ((int) crc.getValue() != trailer.getInt()) {
                throw new IndexFileException(file, "corrupt: checksum mismatch (the file was damaged after it was written)");
            }
            return data;
        }
    }

    private static byte[] get(ByteBuffer buffer, byte[] into) {
        buffer.get(into);
        return into;
    }

    private static ByteBuffer readFully(FileChannel in, long position, int length, Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        readInto(in, position, buffer, file);
        return buffer.flip();
    }

    private static void readInto(FileChannel in, long position, ByteBuffer buffer, Path file) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = in.read(buffer, at);
            if (n < 0) {
                throw new IndexFileException(file, "truncated: the file ends early");
            }
            at += n;
        }
    }
}
