package org.ariadne.server.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.ariadne.media.LumaImage;

/**
 * Shrinks a decoded picture or frame to a thumbnail and encodes it as JPEG. The media module decodes to
 * luminance only (what the hashes need), so these thumbnails are grey; {@link ColourPreview} makes the
 * colour ones of pictures, for users who asked for colour.
 */
final class PreviewImage {

    /** JPEG quality: small files for a grid of a hundred, with no blocking visible at thumbnail size. */
    private static final float JPEG_QUALITY = 0.8f;

    private PreviewImage() {
    }

    /**
     * The image scaled down (never up) so that its longer side is at most {@code maxSide}, each output
     * pixel the mean of the source pixels it covers, as JPEG.
     */
    static byte[] jpeg(LumaImage image, int maxSide) {
        int width = image.width();
        int height = image.height();
        double scale = Math.min(1.0, (double) maxSide / Math.max(width, height));
        int outWidth = Math.max(1, (int) Math.round(width * scale));
        int outHeight = Math.max(1, (int) Math.round(height * scale));
        byte[] out = new byte[outWidth * outHeight];
        float[] row = new float[width];
        float[] columns = new float[width];
        for (int oy = 0; oy < outHeight; oy++) {
            int y0 = (int) ((long) oy * height / outHeight);
            int y1 = Math.max(y0 + 1, (int) ((long) (oy + 1) * height / outHeight));
            java.util.Arrays.fill(columns, 0);
            for (int y = y0; y < y1; y++) {
                image.copyRow(y, row);
                for (int x = 0; x < width; x++) {
                    columns[x] += row[x];
                }
            }
            for (int ox = 0; ox < outWidth; ox++) {
                int x0 = (int) ((long) ox * width / outWidth);
                int x1 = Math.max(x0 + 1, (int) ((long) (ox + 1) * width / outWidth));
                float sum = 0;
                for (int x = x0; x < x1; x++) {
                    sum += columns[x];
                }
                out[oy * outWidth + ox] = (byte) Math.clamp(Math.round(sum / ((x1 - x0) * (y1 - y0))), 0, 255);
            }
        }
        BufferedImage grey = new BufferedImage(outWidth, outHeight, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setDataElements(0, 0, outWidth, outHeight, out);
        return encode(grey);
    }

    static byte[] jpeg(BufferedImage image) {
        return encode(image);
    }

    private static byte[] encode(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a thumbnail", e); // in memory: does not happen
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
