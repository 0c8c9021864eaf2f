package org.ariadne.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SegmentedCipherTest {

    private static final int SEGMENT = SegmentedCipher.SEGMENT;
    private static final int HEADER = 8 + 32;
    private static final int TAG = 16;

    private final SegmentedCipher cipher = new SegmentedCipher(key(1));

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 1000, SEGMENT - 1, SEGMENT, SEGMENT + 1, 3 * SEGMENT + 5})
    void whatIsSealedOpensToTheSameBytes(int length) throws IOException {
        byte[] plain = random(length, length);

        byte[] sealed = seal(cipher, plain);

        assertThat(open(cipher, sealed)).isEqualTo(plain);
        int segments = Math.max(1, (length + SEGMENT - 1) / SEGMENT); // a full last segment needs no empty one after it
        assertThat(sealed.length).isEqualTo(HEADER + length + TAG * segments);
    }

    @Test
    void theSealedBytesDoNotContainThePlainText() throws IOException {
        byte[] plain = "a recognisable plain text that must not appear on disk".repeat(100).getBytes();
        String sealed = new String(seal(cipher, plain), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(sealed).doesNotContain("recognisable");
    }

    @Test
    void sealingTwiceGivesDifferentBytes() throws IOException {
        byte[] plain = random(5000, 7);
        assertThat(seal(cipher, plain)).isNotEqualTo(seal(cipher, plain));
    }

    @Test
    void aFlippedBitIsFound() throws IOException {
        byte[] sealed = seal(cipher, random(2 * SEGMENT + 10, 3));
        sealed[HEADER + SEGMENT + 100] ^= 1;
        assertThatThrownBy(() -> open(cipher, sealed)).isInstanceOf(IOException.class).hasMessageContaining("integrity");
    }

    @Test
    void droppingTheLastSegmentIsFound() throws IOException {
        byte[] sealed = seal(cipher, random(2 * SEGMENT + 10, 4));
        byte[] cut = Arrays.copyOf(sealed, HEADER + 2 * (SEGMENT + TAG));
        assertThatThrownBy(() -> open(cipher, cut)).isInstanceOf(IOException.class);
    }

    @Test
    void swappingSegmentsIsFound() throws IOException {
        byte[] sealed = seal(cipher, random(3 * SEGMENT, 5));
        int a = HEADER;
        int b = HEADER + SEGMENT + TAG;
        byte[] swapped = sealed.clone();
        System.arraycopy(sealed, a, swapped, b, SEGMENT + TAG);
        System.arraycopy(sealed, b, swapped, a, SEGMENT + TAG);
        assertThatThrownBy(() -> open(cipher, swapped)).isInstanceOf(IOException.class);
    }

    @Test
    void anotherKeyCannotOpenIt() throws IOException {
        byte[] sealed = seal(cipher, random(100, 6));
        assertThatThrownBy(() -> open(new SegmentedCipher(key(2)), sealed)).isInstanceOf(IOException.class);
    }

    @Test
    void theStoreKeepsOneCopyPerContentAndCreatesItsKeyOnce(@TempDir Path data) throws IOException {
        Path keyFile = data.resolve("store.key");
        MediaStore store = new MediaStore(data.resolve("media"), StoreKeys.load(null, keyFile));
        String sha = "ab".repeat(32);
        store.put(sha, new ByteArrayInputStream(new byte[] {1, 2, 3}));
        store.put(sha, new ByteArrayInputStream(new byte[] {9, 9, 9})); // same name: already stored, kept

        MediaStore reopened = new MediaStore(data.resolve("media"), StoreKeys.load(null, keyFile));
        try (InputStream in = reopened.open(sha)) {
            assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
        }
        assertThat(Files.getPosixFilePermissions(keyFile).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
        try (var files = Files.walk(data.resolve("media"))) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(1);
        }
    }

    private static byte[] seal(SegmentedCipher cipher, byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        cipher.encrypt(new ByteArrayInputStream(plain), out);
        return out.toByteArray();
    }

    private static byte[] open(SegmentedCipher cipher, byte[] sealed) throws IOException {
        try (InputStream in = cipher.decrypt(new ByteArrayInputStream(sealed))) {
            return in.readAllBytes();
        }
    }

    private static byte[] random(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static SecretKeySpec key(int seed) {
        return new SecretKeySpec(random(32, 1000 + seed), "AES");
    }
}
