package org.ariadne.media.video;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ariadne.media.UndecodableMediaException;
import org.bytedeco.javacpp.Loader;

/**
 * The {@code ffmpeg} and {@code ffprobe} executables bundled in JavaCPP's FFmpeg presets, unpacked from
 * the class path into JavaCPP's cache ({@code ~/.javacpp/cache}) on first use. They find their shared
 * libraries beside them.
 */
public final class FfmpegPrograms {

    private static final List<String> PROGRAMS = List.of("ffmpeg", "ffprobe");

    private static Path folder;

    private FfmpegPrograms() {
    }

    /** A process builder for {@code ffmpeg} with these arguments (for tests and benchmarks too). */
    public static ProcessBuilder ffmpeg(List<String> arguments) throws UndecodableMediaException {
        return builder(ffmpegPath(), arguments);
    }

    static ProcessBuilder ffprobe(List<String> arguments) throws UndecodableMediaException {
        return builder(ffprobePath(), arguments);
    }

    /** The path of the bundled {@code ffmpeg}, unpacked if need be. */
    public static Path ffmpegPath() throws UndecodableMediaException {
        return folder().resolve("ffmpeg");
    }

    private static Path ffprobePath() throws UndecodableMediaException {
        return folder().resolve("ffprobe");
    }

    /**
     * The folder the programs and their libraries are unpacked to. Unpacking the folder as resources
     * takes a tenth of a second once they are cached; {@code Loader.load} would also load the JNI
     * libraries into this JVM (a third of a second more), which running the programs does not need.
     */
    private static synchronized Path folder() throws UndecodableMediaException {
        if (folder == null) {
            try {
                File[] unpacked = Loader.cacheResources(org.bytedeco.ffmpeg.ffmpeg.class, Loader.getPlatform() + "/");
                if (unpacked.length == 0) {
                    throw new IOException("no FFmpeg programs for " + Loader.getPlatform() + " on the class path");
                }
                Path unpackedFolder = unpacked[0].toPath();
                for (String program : PROGRAMS) {
                    File file = unpackedFolder.resolve(program).toFile();
                    if (!file.isFile() || !(file.canExecute() || file.setExecutable(true))) {
                        throw new IOException(program + " missing or not executable in " + unpackedFolder);
                    }
                }
                folder = unpackedFolder;
            } catch (IOException | RuntimeException | LinkageError e) {
                // Not the file's fault, but every video would fail the same way: say so in each record.
                throw new UndecodableMediaException("video decoding unavailable: the bundled FFmpeg could not be unpacked ("
                        + e.getMessage() + ")", e);
            }
        }
        return folder;
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
