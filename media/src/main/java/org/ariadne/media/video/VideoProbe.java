package org.ariadne.media.video;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.ariadne.media.UndecodableMediaException;

/**
 * Reads a video's metadata with {@code ffprobe}: container, first video stream, and their tags. The
 * decoder checks the limits against what this says before it decodes anything.
 */
final class VideoProbe {

    /** ffprobe reads only headers: a few seconds is plenty, even for a slow disk. */
    private static final java.time.Duration PROBE_TIMEOUT = java.time.Duration.ofSeconds(60);

    /** Metadata is a few kilobytes; anything beyond this is a hostile file's tags and is not read. */
    private static final int MAX_OUTPUT_BYTES = 1 << 20;

    /** Container bookkeeping, not clues to a device. */
    private static final Set<String> NOISE_TAGS = Set.of(
            "major_brand", "minor_version", "compatible_brands", "handler_name", "vendor_id", "language",
            "creation_time", "duration", "_statistics_tags", "_statistics_writing_app",
            "_statistics_writing_date_utc", "number_of_frames", "number_of_bytes", "bps");

    private VideoProbe() {
    }

    static VideoInfo probe(Path file, List<String> inputOptions) throws UndecodableMediaException {
        List<String> arguments = new ArrayList<>(List.of("-v", "error", "-hide_banner"));
        arguments.addAll(inputOptions);
        arguments.addAll(List.of(
                "-show_entries",
                "format=format_name,duration:format_tags:stream=codec_type,codec_name,width,height,avg_frame_rate,"
                        + "r_frame_rate,duration:stream_tags",
                "-select_streams", "v:0",
                "-i", VideoDecoder.localInput(file)));
        String output;
        try (ChildProcess ffprobe = ChildProcess.start("ffprobe", FfmpegPrograms.ffprobe(arguments), PROBE_TIMEOUT)) {
            output = readBounded(ffprobe);
            ffprobe.finish();
        }
        return parse(output);
    }

    private static String readBounded(ChildProcess ffprobe) throws UndecodableMediaException {
        // one byte more than allowed tells "too much" from "just fits"; ffprobe, blocked on a full pipe,
        // is then killed when the process is closed instead of waiting out the time limit
        byte[] bytes = new byte[MAX_OUTPUT_BYTES + 1];
        int length = ffprobe.read(bytes);
        if (length > MAX_OUTPUT_BYTES) {
            throw new UndecodableMediaException("the video's metadata is larger than " + MAX_OUTPUT_BYTES + " bytes");
        }
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    /** Parses ffprobe's default writer: {@code [STREAM]}/{@code [FORMAT]} sections of key=value lines. */
    static VideoInfo parse(String output) throws UndecodableMediaException {
        Map<String, String> stream = new HashMap<>();
        Map<String, String> format = new HashMap<>();
        Map<String, String> section = null;
        for (String line : output.split("\n")) {
            switch (line.strip()) {
                case "[STREAM]" -> section = stream.isEmpty() ? stream : null;
                case "[FORMAT]" -> section = format;
                case "[/STREAM]", "[/FORMAT]" -> section = null;
                default -> {
                    int equals = line.indexOf('=');
                    if (section != null && equals > 0) {
                        section.putIfAbsent(line.substring(0, equals), line.substring(equals + 1).strip());
                    }
                }
            }
        }
        if (!"video".equals(stream.get("codec_type"))) {
            throw new UndecodableMediaException("no video stream");
        }
        int width = integer(stream.get("width"));
        int height = integer(stream.get("height"));
        if (width <= 0 || height <= 0) {
            throw new UndecodableMediaException("the video stream has no frame size");
        }
        double frameRate = rate(stream.get("avg_frame_rate"));
        if (frameRate <= 0) {
            frameRate = rate(stream.get("r_frame_rate"));
        }
        double duration = Math.max(decimal(format.get("duration")), decimal(stream.get("duration")));
        String creation = format.getOrDefault("TAG:creation_time", stream.get("TAG:creation_time"));
        return new VideoInfo(format.getOrDefault("format_name", "unknown"), stream.getOrDefault("codec_name", "unknown"),
                width, height, frameRate, duration, creation, deviceTags(format, stream));
    }

    private static Map<String, String> deviceTags(Map<String, String> format, Map<String, String> stream) {
        Map<String, String> tags = new TreeMap<>();
        for (Map<String, String> section : List.of(stream, format)) {
            section.forEach((key, value) -> {
                String name = key.startsWith("TAG:") ? key.substring(4) : null;
                if (name != null && !value.isEmpty() && !NOISE_TAGS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    tags.put(name, value);
                }
            });
        }
        return tags;
    }

    private static int integer(String text) {
        try {
            return text == null ? 0 : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static double decimal(String text) {
        try {
            double value = text == null ? 0 : Double.parseDouble(text);
            return Double.isFinite(value) && value > 0 ? value : 0;
        } catch (NumberFormatException e) {
            return 0; // "N/A"
        }
    }

    /** A rate as ffprobe writes it, "30000/1001"; 0 for "0/0" or anything unreadable. */
    private static double rate(String text) {
        if (text == null) {
            return 0;
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            return decimal(text);
        }
        double denominator = decimal(text.substring(slash + 1));
        return denominator == 0 ? 0 : decimal(text.substring(0, slash)) / denominator;
    }
}
