package org.ariadne.media.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ariadne.media.TestVideos;
import org.ariadne.media.UndecodableMediaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VideoDecoderTest {

    private final VideoDecoder decoder = new VideoDecoder(VideoLimits.DEFAULT);

    @TempDir
    Path dir;

    @Test
    void probesTheReferenceVideo() throws Exception {
        VideoInfo info = decoder.probe(TestVideos.reference("chair-orig-22-sd-bar.mp4"));

        assertThat(info.codec()).isEqualTo("h264");
        assertThat(info.container()).contains("mp4");
        assertThat(info.width()).isEqualTo(480);
        assertThat(info.height()).isEqualTo(720);
        assertThat(info.frameRate()).isEqualTo(30.0);
        assertThat(info.durationSeconds()).isBetween(22.0, 23.0);
    }

    @Test
    void decodesEveryFrameWithItsTime() throws Exception {
        List<VideoFrame> frames = decodeAll(TestVideos.reference("pattern-hd-no-bar.mp4"), FrameSampling.EVERY_FRAME);

        // 206 frames, as the reference vPDQ hashes count them.
        assertThat(frames).hasSize(206);
        assertThat(frames.get(30).number()).isEqualTo(30);
        assertThat(frames.get(30).timestampSeconds()).isCloseTo(1.0, within(1e-9));
        assertThat(frames.getFirst().luma().width()).isEqualTo(720);
        assertThat(frames.getFirst().luma().height()).isEqualTo(1280);
    }

    @Test
    void samplesOneFrameASecondByDefault() throws Exception {
        List<VideoFrame> frames = decodeAll(TestVideos.reference("pattern-hd-no-bar.mp4"), FrameSampling.DEFAULT);

        // 6.87 s of video: frames at 0, 1, ... 6 s.
        assertThat(frames).extracting(VideoFrame::timestampSeconds).containsExactly(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0);
        assertThat(frames).extracting(VideoFrame::number).containsExactly(0, 30, 60, 90, 120, 150, 180);
    }

    @Test
    void aSampledFrameIsTheFrameAtItsTime() throws Exception {
        Path video = TestVideos.reference("pattern-hd-no-bar.mp4");
        java.util.Map<Integer, float[]> every = new java.util.HashMap<>();
        decoder.decode(video, FrameSampling.EVERY_FRAME, f -> every.put(f.number(), f.number() % 30 == 0 ? f.luma().toFloats() : null));
        List<VideoFrame> sampled = decodeAll(video, FrameSampling.DEFAULT);

        // The pattern moves fast: a neighbouring frame would differ in most pixels.
        for (VideoFrame frame : sampled) {
            assertThat(Arrays.equals(frame.luma().toFloats(), every.get(frame.number()))).as("frame %d", frame.number()).isTrue();
        }
    }

    @Test
    void framesLargerThanHdComeScaledDownKeepingTheirShape() throws Exception {
        Path video = TestVideos.scenes(dir.resolve("uhd.mp4"), 2560, 1080, 10, 10, 10, 5, "-c:v", "libopenh264");

        List<VideoFrame> frames = decodeAll(video, FrameSampling.DEFAULT);

        assertThat(decoder.probe(video).width()).isEqualTo(2560);
        assertThat(frames.getFirst().luma().width()).isEqualTo(VideoDecoder.MAX_FRAME_SIDE);
        assertThat(frames.getFirst().luma().height()).isEqualTo(540);
    }

    @Test
    void aStreamThatChangesSizeComesAtItsFirstSizeThroughout() throws Exception {
        Path wide = TestVideos.scenes(dir.resolve("wide.mp4"), 160, 96, 5, 10, 5, 1, "-c:v", "libopenh264");
        Path tall = TestVideos.scenes(dir.resolve("tall.mp4"), 96, 160, 5, 10, 5, 2, "-c:v", "libopenh264");
        Path list = Files.writeString(dir.resolve("list.txt"), "file '" + wide + "'\nfile '" + tall + "'\n");
        Path joined = dir.resolve("joined.mkv");
        Process concat = FfmpegPrograms.ffmpeg(List.of("-v", "error", "-f", "concat", "-safe", "0", "-i", list.toString(),
                "-c", "copy", joined.toString())).redirectErrorStream(true).start();
        assertThat(concat.waitFor()).as(new String(concat.getInputStream().readAllBytes())).isZero();

        List<VideoFrame> frames = decodeAll(joined, FrameSampling.EVERY_FRAME);

        assertThat(frames).hasSize(20);
        assertThat(frames).allSatisfy(frame -> {
            assertThat(frame.luma().width()).isEqualTo(160);
            assertThat(frame.luma().height()).isEqualTo(96);
        });
    }

    @Test
    void readsCreationTimeAndDeviceTags() throws Exception {
        Path video = TestVideos.scenes(dir.resolve("phone.mov"), 64, 48, 10, 10, 5, 1,
                "-c:v", "mpeg4", "-metadata", "creation_time=2024-05-01T10:00:00Z",
                "-metadata", "com.apple.quicktime.model=Camera 7", "-movflags", "use_metadata_tags");

        VideoInfo info = decoder.probe(video);

        assertThat(info.creationTime()).startsWith("2024-05-01T10:00:00");
        assertThat(info.deviceTags()).containsEntry("com.apple.quicktime.model", "Camera 7");
        assertThat(info.deviceTags()).doesNotContainKeys("major_brand", "handler_name");
        assertThat(info.frameRate()).isEqualTo(10.0);
    }

    @ParameterizedTest
    @CsvSource({
        "clip.mp4, libopenh264", "clip.mov, mpeg4", "clip.avi, mpeg4", "clip.mkv, libvpx",
        "clip.webm, libvpx", "clip.3gp, libopenh264", "clip.wmv, wmv2", "clip.flv, flv"})
    void decodesEveryContainerAriadneSupports(String name, String codec) throws Exception {
        Path video = TestVideos.scenes(dir.resolve(name), 96, 64, 10, 20, 10, 7, "-c:v", codec);

        List<VideoFrame> frames = decodeAll(video, FrameSampling.DEFAULT);

        assertThat(frames).hasSize(2);
        assertThat(frames.getFirst().luma().width()).isEqualTo(96);
    }

    @Test
    void emptyFileIsAnErrorForThatFile() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.mp4"));

        assertThatThrownBy(() -> decodeAll(empty, FrameSampling.DEFAULT)).isInstanceOf(UndecodableMediaException.class);
    }

    @Test
    void garbageIsAnErrorForThatFile() throws Exception {
        byte[] garbage = new byte[100_000];
        new java.util.Random(9).nextBytes(garbage);
        Path file = Files.write(dir.resolve("garbage.avi"), garbage);

        assertThatThrownBy(() -> decodeAll(file, FrameSampling.DEFAULT))
                .isInstanceOf(UndecodableMediaException.class)
                .hasMessageNotContaining("Exception");
    }

    @Test
    void truncatedVideoIsAnErrorOrItsFirstFrames() throws Exception {
        byte[] whole = Files.readAllBytes(TestVideos.reference("doorknob-hd-no-bar.mp4"));
        for (double kept : new double[] {0.01, 0.5, 0.9}) {
            Path cut = Files.write(dir.resolve("cut.mp4"), Arrays.copyOf(whole, (int) (whole.length * kept)));
            try {
                assertThat(decodeAll(cut, FrameSampling.DEFAULT)).hasSizeLessThanOrEqualTo(5);
            } catch (UndecodableMediaException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        }
    }

    @Test
    void formatsOutsideTheListAreRefused() throws Exception {
        Path playlist = Files.writeString(dir.resolve("list.mp4"), "#EXTM3U\n#EXTINF:1,\nfile:/etc/passwd\n");
        Path transportStream = TestVideos.scenes(dir.resolve("clip.ts"), 64, 48, 10, 10, 5, 3, "-c:v", "mpeg4");

        assertThatThrownBy(() -> decoder.probe(playlist)).isInstanceOf(UndecodableMediaException.class);
        assertThatThrownBy(() -> decoder.probe(transportStream)).isInstanceOf(UndecodableMediaException.class);
    }

    @Test
    void limitsRefuseLargeFramesAndLongVideos() {
        Path video = TestVideos.reference("doorknob-hd-no-bar.mp4");

        assertThatThrownBy(() -> new VideoDecoder(new VideoLimits(100_000, 3600, Duration.ofMinutes(1))).probe(video))
                .hasMessageContaining("too large");
        assertThatThrownBy(() -> new VideoDecoder(new VideoLimits(50_000_000, 1, Duration.ofMinutes(1))).probe(video))
                .hasMessageContaining("too long");
    }

    @Test
    void limitsRefuseADecodingBeforeItsFirstFrame() {
        List<VideoFrame> handedOn = new ArrayList<>();
        VideoDecoder strict = new VideoDecoder(new VideoLimits(100_000, 3600, Duration.ofMinutes(1)));

        assertThatThrownBy(() -> strict.decode(TestVideos.reference("doorknob-hd-no-bar.mp4"), FrameSampling.DEFAULT,
                handedOn::add)).hasMessageContaining("too large");
        assertThat(handedOn).isEmpty();
    }

    @Test
    void aDecoderOverItsTimeLimitIsStopped() {
        VideoDecoder hurried = new VideoDecoder(VideoLimits.DEFAULT.withTimeout(Duration.ofMillis(1)));

        assertThatThrownBy(() -> hurried.decode(TestVideos.reference("chair-orig-22-sd-bar.mp4"),
                FrameSampling.EVERY_FRAME, frame -> { }))
                .isInstanceOf(UndecodableMediaException.class)
                .hasMessageContaining("time limit");
    }

    private List<VideoFrame> decodeAll(Path video, FrameSampling sampling) throws UndecodableMediaException {
        List<VideoFrame> frames = new ArrayList<>();
        decoder.decode(video, sampling, frames::add);
        return frames;
    }

}
