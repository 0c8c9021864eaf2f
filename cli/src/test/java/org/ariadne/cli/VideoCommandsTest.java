package org.ariadne.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ariadne.media.video.FfmpegPrograms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hash} and {@code triage} on the reference videos. */
class VideoCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path VIDEOS = CliRun.REFERENCE.resolve("vpdq/videos");
    private static final Path PATTERN = VIDEOS.resolve("pattern-hd-no-bar.mp4");

    @TempDir
    Path dir;

    @Test
    void hashGivesAVideoRecordWithItsFrameCount() throws Exception {
        CliRun run = CliRun.of("hash", PATTERN.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = run.jsonLines().getFirst();
        assertThat(r.get("media_type").asText()).isEqualTo("video/mp4");
        assertThat(r.get("codec").asText()).isEqualTo("h264");
        assertThat(r.get("frame_rate").asDouble()).isEqualTo(30.0);
        assertThat(r.get("duration").asDouble()).isBetween(6.8, 6.9);
        assertThat(r.get("vpdq").asInt()).isEqualTo(7);
        assertThat(r.has("vpdq_frames")).isFalse();
        assertThat(r.get("error").isNull()).isTrue();
    }

    @Test
    void framesAreListedOnRequestAtTheRateAskedFor() throws Exception {
        CliRun run = CliRun.of("hash", "--frames", "--video-fps", "2", PATTERN.toString());

        JsonNode r = run.jsonLines().getFirst();
        assertThat(r.get("vpdq").asInt()).isEqualTo(14);
        JsonNode frames = r.get("vpdq_frames");
        assertThat(frames).hasSize(14);
        assertThat(frames.get(3).get("timestamp").asDouble()).isEqualTo(1.5);
        assertThat(frames.get(3).get("frame").asInt()).isEqualTo(45);
        assertThat(frames.get(3).get("pdq").asText()).hasSize(64);
        assertThat(frames.get(3).get("quality").asInt()).isBetween(0, 100);
    }

    @Test
    void damagedVideosAreRecordsWithAnErrorAndTheRunSucceeds() throws Exception {
        byte[] video = Files.readAllBytes(PATTERN);
        Files.write(dir.resolve("a-empty.mp4"), new byte[0]);
        Files.write(dir.resolve("b-cut.mp4"), Arrays.copyOf(video, 2000));
        byte[] corrupt = video.clone();
        Arrays.fill(corrupt, 40, corrupt.length, (byte) 0x33);
        Files.write(dir.resolve("c-corrupt.mp4"), corrupt);
        Files.copy(PATTERN, dir.resolve("d-good.mp4"));

        CliRun run = CliRun.of("hash", "--format", "csv", dir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).doesNotContain("Exception");
        String[] lines = run.out().split("\r\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).endsWith(",duration,codec,frame_rate,vpdq,error");
        for (int i = 1; i <= 3; i++) {
            assertThat(lines[i]).as(lines[i]).doesNotEndWith(",");
        }
        assertThat(lines[4]).endsWith(",h264,30.0,7,");
    }

    @Test
    void triageLinksAVideoToTheKnownPhotoOneOfItsFramesShows() throws Exception {
        // The known photo: the pattern video's frame 90 (at 3 s, where one frame a second samples it), saved
        // at half size as a PNG. The pattern moves fast: its neighbours are 26 bits and more away.
        Path photo = dir.resolve("known-photo.png");
        Process ffmpeg = FfmpegPrograms.ffmpeg(List.of("-v", "error", "-i", PATTERN.toString(),
                "-vf", "select=eq(n\\,90),scale=360:640", "-frames:v", "1", photo.toString())).redirectErrorStream(true).start();
        assertThat(ffmpeg.waitFor()).isZero();
        String pdq = CliRun.of("hash", photo.toString()).jsonLines().getFirst().get("pdq").asText();
        Path list = Files.writeString(dir.resolve("known.txt"), "pdq:" + pdq + ",photo-17\n");
        Path seized = Files.createDirectories(dir.resolve("seized"));
        Files.copy(PATTERN, seized.resolve("clip.mp4"));
        Files.copy(VIDEOS.resolve("doorknob-hd-no-bar.mp4"), seized.resolve("other.mp4"));
        Path out = dir.resolve("out");

        CliRun run = CliRun.of("triage", "--hashset", list.toString(), "--out", out.toString(), "--no-progress",
                seized.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("report.jsonl"))) {
            records.add(JSON.readTree(line));
        }
        JsonNode clip = records.stream().filter(r -> r.get("path").asText().endsWith("clip.mp4")).findFirst().orElseThrow();
        JsonNode other = records.stream().filter(r -> r.get("path").asText().endsWith("other.mp4")).findFirst().orElseThrow();
        assertThat(clip.get("verdict").asText()).as(clip.toString()).isEqualTo("similar");
        assertThat(clip.at("/matches/0/media_id").asText()).isEqualTo("photo-17");
        assertThat(clip.at("/matches/0/frame_seconds").asDouble()).isBetween(2.0, 4.0);
        assertThat(other.get("verdict").asText()).isEqualTo("unknown");
        assertThat(Files.readString(out.resolve("report.html"))).contains("video frame at");
    }

    @Test
    void videoMatchFindsABarredVersionAtOneFrameASecond() throws Exception {
        CliRun run = CliRun.of("video-match", "--against", PATTERN.toString(),
                VIDEOS.resolve("chair-orig-22-sd-bar.mp4").toString(), VIDEOS.resolve("doorknob-hd-no-bar.mp4").toString(),
                "--", VIDEOS.resolve("pattern-sd-grey-bar.mp4").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode matches = run.jsonLines().getFirst().get("matches");
        assertThat(matches).hasSize(1);
        assertThat(matches.get(0).get("known").asText()).endsWith("pattern-hd-no-bar.mp4");
        assertThat(matches.get(0).get("known_match_percent").asDouble()).isGreaterThanOrEqualTo(80);
        JsonNode segment = matches.get(0).get("segments").get(0);
        assertThat(segment.get("query_start").asDouble()).isEqualTo(0.0);
        assertThat(segment.get("query_end").asDouble()).isEqualTo(6.0);
        assertThat(segment.get("known_start").asDouble()).isEqualTo(0.0);
    }

    @Test
    void videoMatchOfEveryFrameSaysWhereATrimmedVersionLies() throws Exception {
        CliRun run = CliRun.of("video-match", "--video-fps", "0",
                "--against", VIDEOS.resolve("chair-orig-22-sd-bar.mp4").toString(),
                "--", VIDEOS.resolve("chair-19-sd-bar.mp4").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode match = run.jsonLines().getFirst().get("matches").get(0);
        assertThat(match.get("match").asBoolean()).isTrue();
        // The reference hashes: chair-19's first frame is the original's frame 111 (3.7 s), its last
        // (18.767 s) the original's last (22.4 s).
        JsonNode segment = match.get("segments").get(0);
        assertThat(segment.get("query_start").asDouble()).isCloseTo(0.0, within(0.2));
        assertThat(segment.get("query_end").asDouble()).isCloseTo(18.767, within(0.2));
        assertThat(segment.get("known_start").asDouble()).isCloseTo(3.7, within(0.2));
        assertThat(segment.get("known_end").asDouble()).isCloseTo(22.4, within(0.2));
    }
}
