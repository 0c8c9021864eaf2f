package org.ariadne.media.video;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ariadne.media.UndecodableMediaException;
import org.bytedeco.javacpp.Loader;

/**
 * The {@code ffmpeg} and {@code ffprobe} executables bundled in JavaCPP's FFmpeg presets, unpacked from
 * the class path into JavaCPP's cache on first use. They find their shared libraries beside them.
 */
public final class FfmpegPrograms {

    private static Path ffmpeg;
    private static Path ffprobe;

    private FfmpegPrograms() {
    }

    /**
     * Unpacks the programs on a background thread: JavaCPP's first load takes about half a second, which
     * then overlaps with whatever comes before the first video (the crypto hashes of its bytes).
     */
    public static void prepareInBackground() {
        Thread.ofVirtual().name("ffmpeg-unpack").start(() -> {
            try {
                ffmpegPath();
                ffprobePath();
            } catch (UndecodableMediaException e) {
                // The first video reports it.
            }
        });
    }

    /** A process builder for {@code ffmpeg} with these arguments (for tests and benchmarks too). */
    public static ProcessBuilder ffmpeg(List<String> arguments) throws UndecodableMediaException {
        return builder(ffmpegPath(), arguments);
    }

    static ProcessBuilder ffprobe(List<String> arguments) throws UndecodableMediaException {
        return builder(ffprobePath(), arguments);
    }

    /** The path of the bundled {@code ffmpeg}, unpacked if need be. */
    public static synchronized Path ffmpegPath() throws UndecodableMediaException {
        if (ffmpeg == null) {
            ffmpeg = load(org.bytedeco.ffmpeg.ffmpeg.class);
        }
        return ffmpeg;
    }

    private static synchronized Path ffprobePath() throws UndecodableMediaException {
        if (ffprobe == null) {
            ffprobe = load(org.bytedeco.ffmpeg.ffprobe.class);
        }
        return ffprobe;
    }

    private static Path load(Class<?> program) throws UndecodableMediaException {
        try {
            return Path.of(Loader.load(program));
        } catch (RuntimeException | LinkageError e) {
            // Not the file's fault, but every video would fail the same way: say so in each record.
            throw new UndecodableMediaException("video decoding unavailable: the bundled FFmpeg could not be loaded ("
                    + e.getMessage() + ")", e);
        }
    }

    private static ProcessBuilder builder(Path program, List<String> arguments) {
        List<String> command = new ArrayList<>(arguments.size() + 1);
        command.add(program.toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        // The programs link to the libraries unpacked beside them, not to any the system may have.
        builder.environment().put("LD_LIBRARY_PATH", program.getParent().toString());
        return builder;
    }
}
