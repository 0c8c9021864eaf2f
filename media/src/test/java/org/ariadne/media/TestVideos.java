package org.ariadne.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.ariadne.media.video.FfmpegPrograms;

/**
 * Benign videos generated for tests: frames drawn by the caller (seeded patterns from {@link TestImages}),
 * encoded by the bundled {@code ffmpeg}.
 */
public final class TestVideos {

    private TestVideos() {
    }

    /**
     * Encodes {@code count} frames at {@code fps} into {@code out}; the container follows the file's
     * extension, the codec and any further options are given ({@code "-c:v", "libopenh264"}).
     */
    public static Path encode(Path out, int width, int height, int fps, int count, IntFunction<BufferedImage> frame,
            String... outputOptions) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("-v", "error", "-y",
                "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", width + "x" + height, "-r", Integer.toString(fps),
                "-i", "pipe:0"));
        arguments.addAll(List.of(outputOptions));
        arguments.add(out.toString());
        Process ffmpeg;
        try {
            ffmpeg = FfmpegPrograms.ffmpeg(arguments).redirectErrorStream(true).start();
        } catch (UndecodableMediaException e) {
            throw new IOException(e.getMessage(), e);
        }
        try (OutputStream in = ffmpeg.getOutputStream()) {
            byte[] rgb = new byte[width * height * 3];
            for (int i = 0; i < count; i++) {
                BufferedImage image = frame.apply(i);
                for (int y = 0, k = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        int p = image.getRGB(x, y);
                        rgb[k++] = (byte) (p >> 16);
                        rgb[k++] = (byte) (p >> 8);
                        rgb[k++] = (byte) p;
                    }
                }
                in.write(rgb);
            }
        }
        String said = new String(ffmpeg.getInputStream().readAllBytes());
        try {
            if (ffmpeg.waitFor() != 0) {
                throw new IOException("ffmpeg could not encode " + out + ": " + said);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return out;
    }

    /** A video of seeded patterns that change every {@code framesPerScene} frames. */
    public static Path scenes(Path out, int width, int height, int fps, int count, int framesPerScene, long seed,
            String... outputOptions) throws IOException {
        return encode(out, width, height, fps, count,
                i -> TestImages.pattern(width, height, seed + i / framesPerScene, BufferedImage.TYPE_INT_RGB), outputOptions);
    }

    /** The reference videos ({@code ../shared/reference/vpdq/videos}). */
    public static Path reference(String name) {
        String configured = System.getProperty("ariadne.reference");
        Path root = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "reference");
        return root.resolve("vpdq").resolve("videos").resolve(name);
    }
}
