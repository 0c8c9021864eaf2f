package org.ariadne.triage;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.ariadne.media.LumaImage;

/**
 * Small greyscale thumbnails of unknown images for the HTML report, made from the luma the hasher
 * decoded anyway (no second decode): reduced while the picture is in memory, written once its verdict
 * says unknown. Stored under the output folder by SHA-256, so that copies share
 * one file and a resumed run finds the thumbnails of records already written.
 */
final class Thumbnails {

    /** Longest side in pixels: enough to recognise a scene in a grid, small enough for thousands in one page. */
    static final int SIDE = 160;

    static final String FOLDER = "thumbnails";

    private final Path folder;

    Thumbnails(Path outFolder) {
        this.folder = outFolder.resolve(FOLDER);
    }

    /** A picture reduced to thumbnail size, grey, one byte a pixel, row-major. */
    record Reduced(int width, int height, byte[] grey) {
    }

    /** Writes the thumbnail (once per content) and returns its path relative to the output folder. */
    String save(String sha256, Reduced picture) {
        String name = FOLDER + "/" + sha256 + ".jpg";
        Path file = folder.resolve(sha256 + ".jpg");
        if (Files.exists(file)) {
            return name;
        }
        try {
            Files.createDirectories(folder);
            // Written aside and moved into place: a run killed mid-write never leaves half a thumbnail.
            Path partial = Files.createTempFile(folder, "partial-", ".jpg");
            Files.write(partial, jpeg(picture));
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write thumbnail " + file, e);
        }
        return name;
    }

    /**
     * Samples per thumbnail pixel along each axis: a small average, cheap even for a huge picture. (Four
     * a side, sixteen a pixel, made the reduction 8 % of a triage run's processor time on one-megapixel
     * photos, more than their crypto hashes; the report shows thumbnails blurred anyway.)
     */
    private static final int SAMPLES = 2;

    /**
     * Reduces the luma to at most {@link #SIDE} pixels a side, each the mean of a few evenly spread
     * samples of its area (cheap: the whole picture is never read, and it is blurred on screen anyway).
     */
    static Reduced reduce(LumaImage luma) {
        int w = luma.width();
        int h = luma.height();
        double scale = Math.min(1.0, (double) SIDE / Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * scale));
        int th = Math.max(1, (int) Math.round(h * scale));
        byte[] grey = new byte[tw * th];
        // the sample columns and rows, worked out once rather than for every sample
        int[] xs = new int[tw * SAMPLES];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = (int) ((i / SAMPLES + (i % SAMPLES + 0.5) / SAMPLES) * w / tw);
        }
        int[] ys = new int[th * SAMPLES];
        for (int i = 0; i < ys.length; i++) {
            ys[i] = (int) ((i / SAMPLES + (i % SAMPLES + 0.5) / SAMPLES) * h / th);
        }
        for (int ty = 0; ty < th; ty++) {
            for (int tx = 0; tx < tw; tx++) {
                float sum = 0;
                for (int sy = 0; sy < SAMPLES; sy++) {
                    int y = ys[ty * SAMPLES + sy];
                    for (int sx = 0; sx < SAMPLES; sx++) {
                        sum += luma.at(xs[tx * SAMPLES + sx], y);
                    }
                }
                grey[ty * tw + tx] = (byte) Math.clamp(Math.round(sum / (SAMPLES * SAMPLES)), 0, 255);
            }
        }
        return new Reduced(tw, th, grey);
    }

    /**
     * The thumbnail as a JPEG, encoded in memory: {@code ImageIO.write} to a stream spools through a
     * temporary file by default, a file created and deleted for each thumbnail (how much that cost was
     * not measured apart from the reduction's change).
     */
    static byte[] jpeg(Reduced picture) {
        BufferedImage image = new BufferedImage(picture.width(), picture.height(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(picture.grey(), 0, pixels, 0, pixels.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
