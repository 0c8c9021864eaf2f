package org.ariadne.server;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Edits of benign pictures that the tests make for themselves. */
public final class TestPictures {

    private TestPictures() {
    }

    /**
     * The middle of a picture, {@code share} of its width and height, as PNG: to PDQ another picture (the
     * bridge photo's middle 70 % is 140-odd bits away), to scene matching the same scene. A much smaller
     * share loses too many of the strongest corners for that.
     */
    public static byte[] middle(byte[] picture, double share) {
        BufferedImage image = read(picture);
        int w = image.getWidth(), h = image.getHeight();
        int cw = (int) (w * share), ch = (int) (h * share);
        return redrawn(image, (w - cw) / 2, (h - ch) / 2, (w + cw) / 2, (h + ch) / 2, cw, ch, "png");
    }

    /**
     * The picture enlarged to {@code side} pixels square, as a JPEG: large enough that the server decodes
     * it reduced (JPEGs whose shorter side is 2,048 pixels or more).
     */
    public static byte[] enlargedJpeg(byte[] picture, int side) {
        BufferedImage image = read(picture);
        return redrawn(image, 0, 0, image.getWidth(), image.getHeight(), side, side, "jpg");
    }

    private static BufferedImage read(byte[] picture) {
        try {
            return ImageIO.read(new ByteArrayInputStream(picture));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The box (x1, y1) to (x2, y2) of the image drawn, bilinearly, into a new picture of the size given, encoded. */
    private static byte[] redrawn(BufferedImage image, int x1, int y1, int x2, int y2,
                                  int toWidth, int toHeight, String format) {
        BufferedImage drawn = new BufferedImage(toWidth, toHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = drawn.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, toWidth, toHeight, x1, y1, x2, y2, null);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(drawn, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
