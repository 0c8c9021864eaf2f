package org.ariadne.server.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The store key: 32 random bytes, Base64, from the environment ({@code ARIADNE_STORE_KEY}) or a key file.
 * A missing key file is created (owner-only permissions) on first start; keep it apart from backups of
 * the data folder.
 */
final class StoreKeys {

    static final String ENVIRONMENT = "ARIADNE_STORE_KEY";
    private static final int BYTES = 32;

    private StoreKeys() {
    }

    static SecretKey load(String fromEnvironment, Path keyFile) {
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return decode(fromEnvironment, ENVIRONMENT);
        }
        try {
            if (!Files.exists(keyFile)) {
                create(keyFile);
            }
            return decode(Files.readString(keyFile, StandardCharsets.US_ASCII), keyFile.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the store key " + keyFile, e);
        }
    }

    private static void create(Path keyFile) throws IOException {
        byte[] key = new byte[BYTES];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(keyFile.toAbsolutePath().getParent());
        try {
            Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        Files.writeString(keyFile, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
    }

    private static SecretKey decode(String text, String where) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the store key in " + where + " is not Base64");
        }
        if (key.length != BYTES) {
            throw new IllegalStateException("the store key in " + where + " must be 32 bytes, is " + key.length);
        }
        return new SecretKeySpec(key, "AES");
    }
}
