package org.ariadne.media;

/**
 * The result of decoding an image for hashing.
 *
 * @param format the format recognised from the content
 * @param width the stored width in pixels, as the file declares it (before orientation)
 * @param height the stored height in pixels
 * @param reduction how much the decoder shrank the image on the way (1 = full size; 2, 4 or 8 for
 *     JPEGs decoded at a reduced DCT scale)
 * @param luma the luminance, already turned upright when an orientation was given
 */
public record DecodedImage(MediaFormat format, int width, int height, int reduction, LumaImage luma) {
}
