package org.ariadne.server.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.ariadne.media.Orientation;

/**
 * A thumbnail in colour, for users who turned greyscale off. Only for a picture the media module has
 * already decoded within its limits (so its size and structure are known to be sane), stored upright, in
 * a format the JDK reads (JPEG, PNG, GIF, BMP); it is read subsampled, never at full size. Anything else
 * gives null, and the caller makes the grey thumbnail from the luminance it has.
 */
final class ColourPreview {

    private ColourPreview() {
    }

    static byte[] jpeg(byte[] data, Orientation orientation, int maxSide) {
        if (orientation != Orientation.NORMAL) {
            return null; // the grey path turns pictures upright; this one does not, rather than show them wrong
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                // every n-th pixel of every n-th row: about twice the thumbnail's size, then averaged down
                int step = Math.max(1, Math.max(width, height) / (2 * maxSide));
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                return PreviewImage.jpeg(scaled(reader.read(0, param), maxSide));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null; // e.g. a CMYK JPEG, which the JDK does not read: the grey thumbnail will do
        }
    }

    private static BufferedImage scaled(BufferedImage image, int maxSide) {
        double scale = Math.min(1.0, (double) maxSide / Math.max(image.getWidth(), image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return rgb;
    }
}
