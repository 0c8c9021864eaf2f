package org.ariadne.media;

/**
 * What a decoder refuses before it spends memory on a file.
 *
 * @param maxPixels images declaring more pixels than this are refused from their header alone, so that
 *     a few kilobytes claiming 60000x60000 pixels (a decompression bomb) cost nothing
 */
public record DecodeLimits(long maxPixels) {

    /** 150 megapixels: larger than any camera sensor in common use, far below what would exhaust memory. */
    public static final long DEFAULT_MAX_PIXELS = 150_000_000L;

    public static final DecodeLimits DEFAULT = new DecodeLimits(DEFAULT_MAX_PIXELS);

    public DecodeLimits {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("the pixel limit must be positive: " + maxPixels);
        }
    }
}
