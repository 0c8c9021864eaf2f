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
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(picture));
            int w = image.getWidth(), h = image.getHeight();
            int cw = (int) (w * share), ch = (int) (h * share);
            BufferedImage middle = new BufferedImage(cw, ch, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = middle.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, cw, ch, (w - cw) / 2, (h - ch) / 2, (w + cw) / 2, (h + ch) / 2, null);
            g.dispose();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(middle, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The picture enlarged to {@code side} pixels square, as a JPEG: large enough that the server decodes
     * it reduced (JPEGs whose shorter side is 2,048 pixels or more).
     */
    public static byte[] enlargedJpeg(byte[] picture, int side) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(picture));
            BufferedImage large = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = large.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, side, side, null);
            g.dispose();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(large, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
