package org.ariadne.triage;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;
import org.ariadne.media.LumaImage;

/**
 * Small greyscale thumbnails of unknown images for the HTML report, made from the luma the hasher
 * decoded anyway (no second decode). Stored under the output folder by SHA-256, so that copies share
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

    /** Writes the thumbnail (once per content) and returns its path relative to the output folder. */
    String save(String sha256, LumaImage luma) {
        String name = FOLDER + "/" + sha256 + ".jpg";
        Path file = folder.resolve(sha256 + ".jpg");
        if (Files.exists(file)) {
            return name;
        }
        try {
            Files.createDirectories(folder);
            // Written aside and moved into place: a run killed mid-write never leaves half a thumbnail.
            Path partial = Files.createTempFile(folder, "partial-", ".jpg");
            Files.write(partial, jpeg(luma));
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write thumbnail " + file, e);
        }
        return name;
    }

    /** A box-filtered reduction of the luma to at most {@link #SIDE} pixels a side, as a JPEG. */
    static byte[] jpeg(LumaImage luma) {
        int w = luma.width();
        int h = luma.height();
        double scale = Math.min(1.0, (double) SIDE / Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * scale));
        int th = Math.max(1, (int) Math.round(h * scale));
        double[] sums = new double[tw * th];
        int[] counts = new int[tw * th];
        float[] row = new float[w];
        for (int y = 0; y < h; y++) {
            luma.copyRow(y, row);
            int ty = Math.min(th - 1, (int) ((long) y * th / h));
            for (int x = 0; x < w; x++) {
                int t = ty * tw + Math.min(tw - 1, (int) ((long) x * tw / w));
                sums[t] += row[x];
                counts[t]++;
            }
        }
        BufferedImage image = new BufferedImage(tw, th, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) Math.clamp(Math.round(sums[i] / Math.max(1, counts[i])), 0, 255);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            if (!ImageIO.write(image, "jpeg", out)) {
                throw new IllegalStateException("no JPEG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
