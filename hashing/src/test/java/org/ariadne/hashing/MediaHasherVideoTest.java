package org.ariadne.hashing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.ariadne.hashing.metadata.MediaMetadata;
import org.ariadne.hashing.vpdq.VpdqComparison;
import org.ariadne.media.DecodeLimits;
import org.ariadne.media.TestVideos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaHasherVideoTest {

    private final MediaHasher hasher = new MediaHasher(DecodeLimits.DEFAULT);

    @TempDir
    Path dir;

    @Test
    void aVideoGetsItsCryptoHashesMetadataAndVpdq() throws Exception {
        Path video = TestVideos.reference("pattern-hd-no-bar.mp4");

        MediaRecord record = hasher.hash(video);

        assertThat(record.error()).isNull();
        assertThat(record.mediaType()).isEqualTo("video/mp4");
        assertThat(record.width()).isEqualTo(720);
        assertThat(record.height()).isEqualTo(1280);
        assertThat(record.fileSignal("sha256")).isEqualTo(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(video))));
        assertThat(record.pdq()).isNull();
        assertThat(record.video().info().codec()).isEqualTo("h264");
        assertThat(record.video().vpdq().frameCount()).isEqualTo(7); // 6.87 s at one frame a second
        assertThat(record.metadata().software()).startsWith("Lavf");
    }

    @Test
    void aVideoInMemoryHashesAsOnDisk() throws Exception {
        Path video = TestVideos.reference("doorknob-hd-no-bar.mp4");
        byte[] bytes = Files.readAllBytes(video);

        MediaRecord inMemory = hasher.hash("member.mp4", bytes, bytes.length);
        MediaRecord onDisk = hasher.hash(video);

        assertThat(inMemory.video().vpdq()).isEqualTo(onDisk.video().vpdq());
        assertThat(inMemory.fileSignal("md5")).isEqualTo(onDisk.fileSignal("md5"));
        assertThat(VpdqComparison.PUBLISHED.compare(inMemory.video().vpdq(), onDisk.video().vpdq()).isMatch()).isTrue();
    }

    @Test
    void aDamagedVideoKeepsItsCryptoHashesAndSaysWhatIsWrong() throws Exception {
        byte[] whole = Files.readAllBytes(TestVideos.reference("doorknob-hd-no-bar.mp4"));
        byte[] damaged = Arrays.copyOf(whole, 4096);
        Arrays.fill(damaged, 64, damaged.length, (byte) 0x5a);
        Path file = Files.write(dir.resolve("damaged.mp4"), damaged);

        MediaRecord record = hasher.hash(file);

        assertThat(record.mediaType()).isEqualTo("video/mp4");
        assertThat(record.error()).isNotBlank();
        assertThat(record.video()).isNull();
        assertThat(record.fileSignal("md5")).hasSize(32);
    }

    @Test
    void phoneTagsBecomeTheDeviceAndPlace() throws Exception {
        Path video = TestVideos.scenes(dir.resolve("phone.mov"), 64, 48, 10, 10, 5, 1, "-c:v", "mpeg4",
                "-metadata", "com.apple.quicktime.make=Maker", "-metadata", "com.apple.quicktime.model=Camera 7",
                "-metadata", "com.apple.quicktime.location.ISO6709=+48.8583+002.2945+035.000/",
                "-metadata", "creation_time=2024-05-01T10:00:00Z", "-movflags", "use_metadata_tags");

        MediaMetadata m = hasher.hash(video).metadata();

        assertThat(m.cameraMake()).isEqualTo("Maker");
        assertThat(m.cameraModel()).isEqualTo("Camera 7");
        assertThat(m.gpsLatitude()).isEqualTo(48.8583);
        assertThat(m.gpsLongitude()).isEqualTo(2.2945);
        assertThat(m.gpsAltitude()).isEqualTo(35.0);
        assertThat(m.dateTimeOriginal()).startsWith("2024-05-01T10:00:00");
        assertThat(m.width()).isEqualTo(64);
    }
}
