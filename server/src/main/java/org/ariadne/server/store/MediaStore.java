package org.ariadne.server.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;

/**
 * Media bytes, stored once per content (named by SHA-256) however often they are submitted, and encrypted
 * at rest (see {@link SegmentedCipher}): a copy of the data folder without the key reveals nothing.
 *
 * <p>Objects live at {@code <folder>/ab/cd/<sha256>}; a write goes to {@code <folder>/tmp} first and is
 * moved into place whole, so a crash never leaves half an object under its name.
 */
public final class MediaStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path folder;
    private final SegmentedCipher cipher;

    public MediaStore(Path folder, SecretKey key) {
        this.folder = folder;
        this.cipher = new SegmentedCipher(key);
        try {
            Files.createDirectories(folder.resolve("tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the media store in " + folder, e);
        }
    }

    /** Whether the content with this SHA-256 is stored. */
    public boolean contains(String sha256) {
        return Files.isRegularFile(pathOf(sha256));
    }

    /**
     * Stores the content of {@code source} under {@code sha256}, which the caller computed from the same
     * bytes; does nothing if it is stored already.
     */
    public void put(String sha256, InputStream source) throws IOException {
        Path target = pathOf(sha256);
        if (Files.isRegularFile(target)) {
            return;
        }
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(folder.resolve("tmp"), sha256.substring(0, 8), ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                cipher.encrypt(source, out);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException raced) {
                // another ingest stored the same content meanwhile: theirs is as good as ours
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The content stored under {@code sha256}, decrypted as it is read; a tampered object fails to read. */
    public InputStream open(String sha256) throws IOException {
        return cipher.decrypt(Files.newInputStream(pathOf(sha256)));
    }

    private Path pathOf(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a lower-case SHA-256: " + sha256);
        }
        return folder.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
