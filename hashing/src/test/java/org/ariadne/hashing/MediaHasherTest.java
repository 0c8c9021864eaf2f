package org.ariadne.hashing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.ariadne.hashing.pdq.Dihedral;
import org.ariadne.hashing.pdq.PdqHasher;
import org.ariadne.hashing.pdq.PdqResult;
import org.ariadne.media.ImageDecoder;
import org.ariadne.media.Orientation;
import org.ariadne.hashing.metadata.MediaMetadata;
import org.ariadne.hashing.testing.ReferenceData;
import org.ariadne.media.DecodeLimits;
import org.ariadne.media.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaHasherTest {

    private final MediaHasher hasher = new MediaHasher(DecodeLimits.DEFAULT);

    @TempDir
    Path dir;

    @Test
    void aPhotoGetsEverySignalAndItsMetadata() throws Exception {
        Path photo = ReferenceData.pdq().resolve("reg-test-input/exif-rotn/exif-rotn-6.jpg");

        MediaRecord record = hasher.hash(photo);

        assertThat(record.error()).isNull();
        assertThat(record.mediaType()).isEqualTo("image/jpeg");
        assertThat(record.size()).isEqualTo(Files.size(photo));
        assertThat(record.width()).isEqualTo(4032);
        assertThat(record.height()).isEqualTo(3024);
        assertThat(record.fileSignal("sha256")).isEqualTo(digest("SHA-256", Files.readAllBytes(photo)));
        assertThat(record.fileSignal("md5")).isEqualTo(digest("MD5", Files.readAllBytes(photo)));
        assertThat(record.fileSignal("sha1")).isEqualTo(digest("SHA-1", Files.readAllBytes(photo)));
        assertThat(record.pdq().quality()).isEqualTo(100);
        assertThat(record.orientation()).isEqualTo(6);
        MediaMetadata m = record.metadata();
        assertThat(m.cameraMake()).isEqualTo("samsung");
        assertThat(m.cameraModel()).isEqualTo("SM-G930V");
        assertThat(m.dateTimeOriginal()).isEqualTo("2017-11-07T22:14:06");
        assertThat(m.gpsLatitude()).isBetween(38.9, 39.0);
        assertThat(m.gpsLongitude()).isBetween(-77.1, -77.0);
        assertThat(m.orientation()).isEqualTo(6);
        assertThat(m.width()).isEqualTo(4032);
    }

    @Test
    void exifOrientationIsAppliedBeforeHashing() throws Exception {
        // Four photos of one desk, stored turned four ways, each tagged with the turn that shows it
        // upright. Turning the pixels must give the hash of the matching dihedral variant of the stored
        // picture; the reference's "rotate 90" turns a quarter anticlockwise (dih/bridge-2-rotate-90.jpg).
        Map<String, Dihedral> expected = Map.of(
                "exif-rotn-1.jpg", Dihedral.ORIGINAL,
                "exif-rotn-3.jpg", Dihedral.ROTATE_180,
                "exif-rotn-6.jpg", Dihedral.ROTATE_270,  // tag 6: shown after a quarter turn clockwise
                "exif-rotn-8.jpg", Dihedral.ROTATE_90);  // tag 8: shown after a quarter turn anticlockwise
        Path folder = ReferenceData.pdq().resolve("reg-test-input/exif-rotn");
        for (var entry : expected.entrySet()) {
            byte[] bytes = Files.readAllBytes(folder.resolve(entry.getKey()));
            PdqResult stored = new PdqHasher().hash(new ImageDecoder().decode(bytes, bytes.length, Orientation.NORMAL).luma());

            MediaRecord upright = hasher.hash(folder.resolve(entry.getKey()));

            assertThat(upright.pdq().hash().distance(stored.hash(entry.getValue())))
                    .as(entry.getKey()).isLessThanOrEqualTo(10);
            if (entry.getValue() != Dihedral.ORIGINAL) {
                assertThat(upright.pdq().hash().distance(stored.hash())).as(entry.getKey()).isGreaterThan(31);
            }
        }
    }

    @Test
    void badFilesKeepTheirCryptoHashesAndSayWhatIsWrong() throws Exception {
        byte[] jpeg = Files.readAllBytes(ReferenceData.pdq().resolve("bridge-mods/aaa-orig.jpg"));
        Path truncated = write("truncated.jpg", java.util.Arrays.copyOf(jpeg, jpeg.length / 3));
        Path empty = write("empty.jpg", new byte[0]);
        Path text = write("notes.jpg", "shopping list\n".getBytes(StandardCharsets.US_ASCII));
        Path bomb = write("bomb.png", TestImages.pngBomb(60_000, 60_000));

        MediaRecord t = hasher.hash(truncated);
        assertThat(t.error()).startsWith("truncated JPEG");
        assertThat(t.fileSignal("sha256")).isEqualTo(digest("SHA-256", Files.readAllBytes(truncated)));
        assertThat(t.pdq()).isNull();

        MediaRecord e = hasher.hash(empty);
        assertThat(e.error()).isEqualTo("empty file");
        assertThat(e.fileSignal("md5")).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");

        MediaRecord x = hasher.hash(text);
        assertThat(x.error()).isEqualTo("not a supported image: unrecognised content");
        assertThat(x.mediaType()).isEqualTo("application/octet-stream");
        assertThat(x.fileSignal("sha1")).isNotNull();
        assertThat(x.orientation()).isNull();

        MediaRecord b = hasher.hash(bomb);
        assertThat(b.error()).contains("image too large: 60000x60000");
        assertThat(b.mediaType()).isEqualTo("image/png");

        MediaRecord folder = hasher.hash(dir);
        assertThat(folder.error()).isEqualTo("not a regular file");

        MediaRecord missing = hasher.hash(dir.resolve("gone.jpg"));
        assertThat(missing.error()).isEqualTo("file not found");
        assertThat(missing.size()).isEqualTo(-1);
    }

    @Test
    void damagedMetadataNeverFailsAFile() throws Exception {
        byte[] jpeg = Files.readAllBytes(ReferenceData.pdq().resolve("reg-test-input/exif-rotn/exif-rotn-1.jpg"));
        // Scramble the EXIF segment (it starts right after the start-of-image marker) but keep its length.
        java.util.Random random = new java.util.Random(99);
        for (int i = 20; i < 2000; i++) {
            jpeg[i] = (byte) random.nextInt(256);
        }
        MediaRecord record = hasher.hash("scrambled-exif.jpg", jpeg, jpeg.length);
        assertThat(record.fileSignal("sha256")).isNotNull();
        assertThat(record.metadata()).isNotNull();
    }

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    private static String digest(String algorithm, byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    }
}
