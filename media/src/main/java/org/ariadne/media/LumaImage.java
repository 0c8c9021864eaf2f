package org.ariadne.media;

import java.util.Objects;

/**
 * A decoded image reduced to its luminance: one float per pixel, 0 to 255, row-major.
 *
 * <p>Perceptual hashes look only at luminance, so decoders deliver this rather than colour
 * pixels; it is a quarter of the memory of ARGB and needs no conversion in the hashers.
 * The pixel array is shared, not copied: callers must not modify an image they did not create.
 */
public final class LumaImage {

    // ITU-R BT.601 weights, as PDQ specifies them (and as JPEG's Y channel uses them).
    private static final float RED_WEIGHT = 0.299f;
    private static final float GREEN_WEIGHT = 0.587f;
    private static final float BLUE_WEIGHT = 0.114f;

    private final int width;
    private final int height;
    private final float[] pixels;

    /**
     * Wraps a row-major plane of {@code width * height} values.
     *
     * @throws IllegalArgumentException if the sizes disagree or are not positive
     */
    public LumaImage(int width, int height, float[] pixels) {
        Objects.requireNonNull(pixels, "pixels");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image sizes must be positive: " + width + "x" + height);
        }
        if ((long) width * height != pixels.length) {
            throw new IllegalArgumentException(
                    "a " + width + "x" + height + " image needs " + (long) width * height + " pixels, got " + pixels.length);
        }
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    /**
     * Converts packed {@code 0xAARRGGBB} pixels (as {@code BufferedImage.getRGB} returns them) to luma.
     * Alpha is ignored, as PDQ's reference does. The arithmetic is float, term by term, so that
     * the same pixels give the same luma bit for bit as the reference implementation.
     */
    public static LumaImage fromArgb(int width, int height, int[] argb) {
        float[] luma = new float[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            luma[i] = RED_WEIGHT * ((p >> 16) & 0xff) + GREEN_WEIGHT * ((p >> 8) & 0xff) + BLUE_WEIGHT * (p & 0xff);
        }
        return new LumaImage(width, height, luma);
    }

    /** Widens 8-bit grey samples (row-major, {@code stride} bytes per row) to a luma image. */
    public static LumaImage fromGrey(int width, int height, byte[] grey, int stride) {
        float[] luma = new float[width * height];
        for (int y = 0; y < height; y++) {
            int in = y * stride;
            int out = y * width;
            for (int x = 0; x < width; x++) {
                luma[out + x] = grey[in + x] & 0xff;
            }
        }
        return new LumaImage(width, height, luma);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The row-major luma plane itself (not a copy): read it, do not write it. */
    public float[] pixels() {
        return pixels;
    }

    public float at(int x, int y) {
        return pixels[y * width + x];
    }

    @Override
    public String toString() {
        return "LumaImage[" + width + "x" + height + "]";
    }
}
