package org.ariadne.media;

import java.util.Objects;

/**
 * A decoded image reduced to its luminance, 0 to 255, row-major: one float per pixel, or one byte per
 * pixel for 8-bit grey as JPEG decoders deliver it (a quarter of the memory, and no conversion pass).
 *
 * <p>Perceptual hashes look only at luminance, so decoders deliver this rather than colour pixels.
 * Hot code reads it a row at a time with {@link #copyRow}, whatever its storage. The pixel arrays are
 * shared, not copied: callers must not modify an image they did not create.
 */
public final class LumaImage {

    // ITU-R BT.601 weights, as PDQ specifies them (and as JPEG's Y channel uses them).
    private static final float RED_WEIGHT = 0.299f;
    private static final float GREEN_WEIGHT = 0.587f;
    private static final float BLUE_WEIGHT = 0.114f;

    private final int width;
    private final int height;
    private final float[] pixels; // null when grey is set
    private final byte[] grey; // 8-bit samples, width * height, or null

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
        this.grey = null;
    }

    private LumaImage(int width, int height, byte[] grey) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image sizes must be positive: " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.pixels = null;
        this.grey = grey;
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

    /**
     * An image of 8-bit grey samples, row-major with {@code stride} bytes per row. The array is kept, not
     * copied, when its rows are packed.
     */
    public static LumaImage fromGrey(int width, int height, byte[] grey, int stride) {
        if (stride == width && grey.length == width * height) {
            return new LumaImage(width, height, grey);
        }
        byte[] packed = new byte[width * height];
        for (int y = 0; y < height; y++) {
            System.arraycopy(grey, y * stride, packed, y * width, width);
        }
        return new LumaImage(width, height, packed);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** A copy of the row-major luma plane as floats (hot code reads rows with {@link #copyRow} instead). */
    public float[] toFloats() {
        if (pixels != null) {
            return pixels.clone();
        }
        float[] widened = new float[grey.length];
        for (int i = 0; i < grey.length; i++) {
            widened[i] = grey[i] & 0xff;
        }
        return widened;
    }

    /** Row {@code y} as floats, into {@code into[0..width)}. */
    public void copyRow(int y, float[] into) {
        int from = y * width;
        if (pixels != null) {
            System.arraycopy(pixels, from, into, 0, width);
        } else {
            for (int x = 0; x < width; x++) {
                into[x] = grey[from + x] & 0xff;
            }
        }
    }

    public float at(int x, int y) {
        int i = y * width + x;
        return pixels != null ? pixels[i] : grey[i] & 0xff;
    }

    /**
     * The rectangle {@code width x height} at ({@code x}, {@code y}), copied; storage (float or grey) is kept.
     *
     * @throws IllegalArgumentException if the rectangle is empty or not inside the image
     */
    public LumaImage cropped(int x, int y, int width, int height) {
        if (x < 0 || y < 0 || width <= 0 || height <= 0 || x + width > this.width || y + height > this.height) {
            throw new IllegalArgumentException("crop " + width + "x" + height + "+" + x + "+" + y + " outside " + this);
        }
        if (pixels != null) {
            float[] out = new float[width * height];
            for (int row = 0; row < height; row++) {
                System.arraycopy(pixels, (y + row) * this.width + x, out, row * width, width);
            }
            return new LumaImage(width, height, out);
        }
        byte[] out = new byte[width * height];
        for (int row = 0; row < height; row++) {
            System.arraycopy(grey, (y + row) * this.width + x, out, row * width, width);
        }
        return new LumaImage(width, height, out);
    }

    /**
     * The same picture with its pixels moved: pixel i of this image becomes pixel {@code target[i]} of an
     * image {@code outWidth} wide. Storage (float or grey) is kept.
     */
    LumaImage rearranged(int outWidth, int outHeight, int[] target) {
        if (pixels != null) {
            float[] out = new float[pixels.length];
            for (int i = 0; i < pixels.length; i++) {
                out[target[i]] = pixels[i];
            }
            return new LumaImage(outWidth, outHeight, out);
        }
        byte[] out = new byte[grey.length];
        for (int i = 0; i < grey.length; i++) {
            out[target[i]] = grey[i];
        }
        return new LumaImage(outWidth, outHeight, out);
    }

    @Override
    public String toString() {
        return "LumaImage[" + width + "x" + height + "]";
    }
}
