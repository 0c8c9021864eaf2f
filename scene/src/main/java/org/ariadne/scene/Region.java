package org.ariadne.scene;

/**
 * An axis-aligned box in an image, in pixels of the upright picture: what a specialist draws around an
 * object to find it elsewhere, and what a match reports as the part of each picture that matched.
 *
 * <p>Pixels are those of the luma the features were extracted from. A large JPEG is decoded at a reduced
 * DCT scale ({@code DecodedImage.reduction()}, 2, 4 or 8): a viewer showing the file at full size
 * multiplies boxes and feature positions by that factor, and divides a drawn box by it before querying.
 *
 * @param x left edge, from 0
 * @param y top edge, from 0
 * @param width at least 1
 * @param height at least 1
 */
public record Region(int x, int y, int width, int height) {

    public Region {
        if (x < 0 || y < 0 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a region needs x, y >= 0 and a positive size, not "
                    + x + "," + y + " " + width + "x" + height);
        }
    }

    /** The whole of an image of that size. */
    public static Region whole(int width, int height) {
        return new Region(0, 0, width, height);
    }

    /** Whether the point lies inside the box. */
    public boolean contains(float px, float py) {
        return px >= x && py >= y && px < x + width && py < y + height;
    }

    /**
     * This box, checked to lie inside an image of that size.
     *
     * @throws IllegalArgumentException saying by how much it does not
     */
    public Region within(int imageWidth, int imageHeight) {
        if ((long) x + width > imageWidth || (long) y + height > imageHeight) {
            throw new IllegalArgumentException("region " + this + " reaches outside the " + imageWidth + "x"
                    + imageHeight + " image");
        }
        return this;
    }

    /** The smallest box around the points, clipped to the image; null when there are none. */
    static Region around(float[] xs, float[] ys, int count, int imageWidth, int imageHeight) {
        if (count == 0) {
            return null;
        }
        float minX = Float.MAX_VALUE;
        float minY = Float.MAX_VALUE;
        float maxX = -Float.MAX_VALUE;
        float maxY = -Float.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            minX = Math.min(minX, xs[i]);
            maxX = Math.max(maxX, xs[i]);
            minY = Math.min(minY, ys[i]);
            maxY = Math.max(maxY, ys[i]);
        }
        int left = Math.clamp((long) Math.floor(minX), 0, imageWidth - 1);
        int top = Math.clamp((long) Math.floor(minY), 0, imageHeight - 1);
        int right = Math.clamp((long) Math.ceil(maxX) + 1, left + 1, imageWidth);
        int bottom = Math.clamp((long) Math.ceil(maxY) + 1, top + 1, imageHeight);
        return new Region(left, top, right - left, bottom - top);
    }
}
