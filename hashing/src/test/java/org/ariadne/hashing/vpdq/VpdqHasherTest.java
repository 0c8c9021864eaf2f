package org.ariadne.hashing.vpdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.ariadne.hashing.MediaHasher;
import org.ariadne.hashing.pdq.PdqResult;
import org.ariadne.media.DecodeLimits;
import org.ariadne.media.TestImages;
import org.ariadne.media.TestVideos;
import org.ariadne.media.video.FfmpegPrograms;
import org.ariadne.media.video.FrameSampling;
import org.ariadne.media.video.VideoLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vPDQ end to end on generated videos: a new scene every second, re-encoded, cut and barred. */
class VpdqHasherTest {

    private static final int WIDTH = 192;
    private static final int HEIGHT = 144;
    private static final int FPS = 10;
    private static final long KNOWN_SEED = 100;
    private static final long OTHER_SEED = 900;

    private final VpdqHasher hasher = new VpdqHasher(VideoLimits.DEFAULT, VpdqHasher.Bars.CROP);

    @TempDir
    Path dir;

    @Test
    void hashesOneFrameASecondWithQualityAndTime() throws Exception {
        Path known = TestVideos.scenes(dir.resolve("known.mp4"), WIDTH, HEIGHT, FPS, 12 * FPS, FPS, KNOWN_SEED,
                "-c:v", "libopenh264");

        VpdqHasher.VideoHash hash = hasher.hash(known, FrameSampling.DEFAULT);

        assertThat(hash.vpdq().frameCount()).isEqualTo(12);
        assertThat(hash.vpdq().features()).allSatisfy(f -> assertThat(f.quality()).isGreaterThanOrEqualTo(50));
        assertThat(hash.vpdq().features().get(3).timestampSeconds()).isEqualTo(3.0);
        assertThat(hash.vpdq().features().get(3).frameNumber()).isEqualTo(30);
        assertThat(hash.info().durationSeconds()).isCloseTo(12.0, within(0.2));
    }

    @Test
    void aReEncodedBarredCompilationMatchesTheKnownVideoAndSaysWhere() throws Exception {
        Path known = TestVideos.scenes(dir.resolve("known.mp4"), WIDTH, HEIGHT, FPS, 12 * FPS, FPS, KNOWN_SEED,
                "-c:v", "libopenh264");
        // 3 s of other scenes, then the whole known video, letterboxed into a taller frame, as MPEG-4 in AVI.
        int barred = HEIGHT + 64;
        Path compilation = TestVideos.encode(dir.resolve("compilation.avi"), WIDTH, barred, FPS, 15 * FPS,
                i -> letterboxed(i < 3 * FPS ? scene(OTHER_SEED, i) : scene(KNOWN_SEED, i - 3 * FPS), barred),
                "-c:v", "mpeg4", "-q:v", "3");

        VpdqHash k = hasher.hash(known, FrameSampling.DEFAULT).vpdq();
        VpdqHash q = hasher.hash(compilation, FrameSampling.DEFAULT).vpdq();

        VpdqComparison.Result result = VpdqComparison.PUBLISHED.compare(q, k);
        assertThat(result.isMatch()).isTrue();
        assertThat(result.comparedMatchPercent()).isEqualTo(100.0);
        List<MatchedSegment> segments = new MatchedSegments(VpdqComparison.PUBLISHED).between(q, k);
        assertThat(segments).hasSize(1);
        MatchedSegment s = segments.getFirst();
        assertThat(s.queryStart()).isEqualTo(3.0);
        assertThat(s.queryEnd()).isEqualTo(14.0);
        assertThat(s.knownStart()).isEqualTo(0.0);
        assertThat(s.knownEnd()).isEqualTo(11.0);
    }

    @Test
    void withBarsKeptTheBarredVersionDoesNotMatch() throws Exception {
        Path known = TestVideos.scenes(dir.resolve("known.mp4"), WIDTH, HEIGHT, FPS, 6 * FPS, FPS, KNOWN_SEED,
                "-c:v", "libopenh264");
        int barred = HEIGHT + 96;
        Path letterboxed = TestVideos.encode(dir.resolve("barred.mp4"), WIDTH, barred, FPS, 6 * FPS,
                i -> letterboxed(scene(KNOWN_SEED, i), barred), "-c:v", "libopenh264");
        VpdqHasher keeping = new VpdqHasher(VideoLimits.DEFAULT, VpdqHasher.Bars.KEEP);

        VpdqComparison.Result kept = VpdqComparison.PUBLISHED.compare(
                keeping.hash(letterboxed, FrameSampling.DEFAULT).vpdq(), keeping.hash(known, FrameSampling.DEFAULT).vpdq());
        VpdqComparison.Result cropped = VpdqComparison.PUBLISHED.compare(
                hasher.hash(letterboxed, FrameSampling.DEFAULT).vpdq(), hasher.hash(known, FrameSampling.DEFAULT).vpdq());

        assertThat(kept.isMatch()).isFalse();
        assertThat(cropped.isMatch()).isTrue();
    }

    @Test
    void framesLargerThanHdAreHashedScaledDownWithinPdqsTolerance() throws Exception {
        // A 1080p video made from the reference chair video, and its frame 30 as a full-size PNG.
        Path video = dir.resolve("fhd.mp4");
        ffmpeg("-i", TestVideos.reference("chair-orig-22-sd-bar.mp4").toString(), "-t", "2", "-an",
                "-vf", "scale=1920:1080", "-c:v", "libopenh264", "-b:v", "8000k", video.toString());
        Path frame = dir.resolve("frame30.png");
        ffmpeg("-i", video.toString(), "-vf", "select=eq(n\\,30)", "-frames:v", "1", frame.toString());

        VpdqFeature sampled = new VpdqHasher(VideoLimits.DEFAULT, VpdqHasher.Bars.KEEP)
                .hash(video, FrameSampling.DEFAULT).vpdq().features().get(1);
        PdqResult photo = new MediaHasher(DecodeLimits.DEFAULT).hash(frame).pdq();

        assertThat(sampled.frameNumber()).isEqualTo(30);
        assertThat(photo.quality()).isGreaterThanOrEqualTo(80);
        assertThat(sampled.hash().distance(photo.hash())).isLessThanOrEqualTo(10);
    }

    private static void ffmpeg(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("-v", "error", "-y"));
        command.addAll(List.of(arguments));
        Process p = FfmpegPrograms.ffmpeg(command).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(said).isZero();
    }

    private static BufferedImage scene(long seed, int frame) {
        return TestImages.pattern(WIDTH, HEIGHT, seed + frame / FPS, BufferedImage.TYPE_INT_RGB);
    }

    private static BufferedImage letterboxed(BufferedImage picture, int height) {
        BufferedImage out = new BufferedImage(picture.getWidth(), height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, out.getWidth(), height);
        g.drawImage(picture, 0, (height - picture.getHeight()) / 2, null);
        g.dispose();
        return out;
    }
}
