package org.ariadne.media.video;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.ariadne.media.LumaImage;
import org.ariadne.media.UndecodableMediaException;

/**
 * Decodes videos to luma frames through the bundled {@code ffmpeg}, run as a child process that writes
 * 8-bit grey frames to a pipe (as YUV4MPEG2, which gives their size).
 *
 * <p>Frames come at the video's stored size (scaled down to {@value #MAX_FRAME_SIDE} pixels on the longer
 * side when larger) and orientation (no rotation from the container's display matrix, as the reference
 * vPDQ does), one {@link VideoFrame} at a time, so that memory stays at one frame whatever the length.
 * Every failure becomes an {@link UndecodableMediaException} for that file.
 * Thread-safe: each call runs its own processes.
 */
public final class VideoDecoder {

    /**
     * The FFmpeg demuxers Ariadne opens (mp4, mov and 3gp are one demuxer; webm is Matroska; wmv is ASF).
     * Anything else, playlists above all (they name other files to read), is refused by FFmpeg itself.
     */
    private static final String DEMUXERS = "mov,mp4,m4a,3gp,3g2,mj2,avi,matroska,webm,asf,flv";

    /** Only local files: a container cannot make the decoder open a network address or a pipe. */
    private static final List<String> INPUT_OPTIONS =
            List.of("-format_whitelist", DEMUXERS, "-protocol_whitelist", "file");

    /**
     * Larger frames are scaled down (area averaging, by FFmpeg) to this on their longer side. Perceptual
     * hashes reduce every frame to a 64x64 grid, so more pixels only cost time: a 1080p frame takes PDQ
     * 14 ms, six times a 720x480 one. 1280 keeps HD and the reference sample videos (720x1280 at most)
     * at their own size.
     */
    public static final int MAX_FRAME_SIDE = 1280;

    private final VideoLimits limits;

    public VideoDecoder(VideoLimits limits) {
        this.limits = limits;
    }

    /** The video's metadata, checked against the limits. */
    public VideoInfo probe(Path file) throws UndecodableMediaException {
        VideoInfo info = VideoProbe.probe(file, INPUT_OPTIONS);
        long pixels = (long) info.width() * info.height();
        if (pixels > limits.maxFramePixels()) {
            throw new UndecodableMediaException("video frames too large: " + info.width() + "x" + info.height()
                    + " exceeds the limit of " + limits.maxFramePixels() + " pixels");
        }
        if (info.durationSeconds() > limits.maxDurationSeconds()) {
            throw new UndecodableMediaException(String.format(Locale.ROOT,
                    "video too long: %.0f s exceeds the limit of %.0f s", info.durationSeconds(), limits.maxDurationSeconds()));
        }
        return info;
    }

    /**
     * Decodes the frames the sampling asks for and hands each to {@code frames}, in order.
     *
     * @return the video's metadata
     * @throws UndecodableMediaException if the file is no video, exceeds the limits, or no frame decodes
     */
    public VideoInfo decode(Path file, FrameSampling sampling, Consumer<VideoFrame> frames) throws UndecodableMediaException {
        // FFmpeg starts first and decodes while ffprobe reads the metadata (a tenth of a second saved on
        // every video); a video the limits refuse has its decoder killed as this block closes.
        try (ChildProcess ffmpeg = ChildProcess.start("ffmpeg", FfmpegPrograms.ffmpeg(arguments(file, sampling)),
                limits.timeout())) {
            VideoInfo info = probe(file);
            Y4mGreyFrames stream = Y4mGreyFrames.open(ffmpeg, limits.maxFramePixels());
            int count = 0;
            for (byte[] grey; stream != null && (grey = stream.next()) != null; count++) {
                double timestamp = timestamp(count, sampling, info);
                int number = sampling.everyFrame() ? count : (int) Math.round(timestamp * info.frameRate());
                frames.accept(new VideoFrame(number, timestamp,
                        LumaImage.fromGrey(stream.width(), stream.height(), grey, stream.width())));
            }
            ffmpeg.finish();
            if (count == 0) {
                String said = ffmpeg.lastError();
                throw new UndecodableMediaException("no frame could be decoded" + (said.isEmpty() ? "" : ": " + said));
            }
            return info;
        }
    }

    private List<String> arguments(Path file, FrameSampling sampling) {
        List<String> arguments = new ArrayList<>(List.of("-v", "error", "-nostdin", "-hide_banner"));
        arguments.addAll(INPUT_OPTIONS);
        // The decoder itself refuses larger frames: it runs before the metadata has been checked.
        arguments.addAll(List.of("-max_pixels", Long.toString(Math.min(limits.maxFramePixels(), Integer.MAX_VALUE))));
        arguments.addAll(List.of("-noautorotate", "-i", localInput(file), "-map", "0:v:0", "-an", "-sn", "-dn"));
        String size = "scale=w='" + scaledSide("iw") + "':h='" + scaledSide("ih") + "':flags=area,format=gray";
        // FFmpeg's fps filter gives each slot the last frame that rounds into it: rounding up, that is the
        // frame at the slot's time (or the last before it), not one nearly half a step later.
        String filters = sampling.everyFrame()
                ? size
                : "fps=fps=" + String.format(Locale.ROOT, "%.6f", sampling.framesPerSecond()) + ":round=up," + size;
        arguments.addAll(List.of(
                "-vf", filters,
                "-fps_mode", "passthrough",
                // Decoding stops at the duration limit whatever the container claimed.
                "-t", String.format(Locale.ROOT, "%.3f", limits.maxDurationSeconds()),
                // YUV4MPEG2 says the frames' size in its header; FFmpeg keeps every frame at the first
                // one's size even if the stream changes resolution.
                "-f", "yuv4mpegpipe", "-pix_fmt", "gray", "pipe:1"));
        return arguments;
    }

    /**
     * An FFmpeg expression for one side of a frame ({@code iw} or {@code ih}) scaled so that the longer
     * side is at most {@link #MAX_FRAME_SIDE}, the aspect kept, rounded to the nearest pixel.
     */
    static String scaledSide(String side) {
        String longer = "max(iw,ih)";
        return "if(gt(" + longer + "," + MAX_FRAME_SIDE + "),max(1,round(" + side + "*" + MAX_FRAME_SIDE + "/" + longer
                + "))," + side + ")";
    }

    /**
     * The frame's time. Sampled frames fall on the sampling grid; every frame is timed by the average
     * frame rate, as the reference vPDQ times them (exact for constant-rate video, the common case).
     */
    private static double timestamp(int index, FrameSampling sampling, VideoInfo info) {
        if (!sampling.everyFrame()) {
            return index / sampling.framesPerSecond();
        }
        return info.frameRate() > 0 ? index / info.frameRate() : 0;
    }

    /**
     * The input as FFmpeg must see it: with the {@code file:} protocol named, so that a file called
     * {@code concat:a|b} or {@code http:...} is still just a file.
     */
    static String localInput(Path file) {
        return "file:" + file.toAbsolutePath();
    }
}
