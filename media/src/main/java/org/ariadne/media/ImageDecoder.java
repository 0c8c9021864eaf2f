package org.ariadne.media;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes image files to luma, fast, and safely on hostile input.
 *
 * <p>JPEGs, the bulk of seized material, go through libjpeg-turbo (bundled with OpenCV) in greyscale,
 * which reads the Y channel without colour conversion; large ones are decoded at a reduced DCT scale,
 * since PDQ blurs them down to 64x64 anyway. Everything else, and any JPEG libjpeg-turbo rejects (CMYK
 * variants, odd colour spaces), goes through javax.imageio with the TwelveMonkeys plug-ins, which are
 * pure Java: a hostile file there raises an exception, never a crash.
 *
 * <p>Sizes are read from the header and checked against the {@link DecodeLimits} before any pixel is
 * decoded. Thread-safe.
 */
public final class ImageDecoder {

    /**
     * A JPEG is decoded at 1/2, 1/4 or 1/8 scale only while its shorter side stays at least this long.
     * PDQ is not scale-invariant to the bit: the same photo hashed at half its size lies a few bits away,
     * and the fewer pixels, the farther. Measured against the reference Java PDQ on the benchmark photos
     * (bench/RESULTS.md), colour JPEGs of quality 80 or more: decoded whole, mean distance 0.3 to 0.5;
     * 12 megapixels at half scale (1416 pixels), mean 3.1 and worst 8; at quarter scale (708), mean 5.4
     * and worst 18; 1 megapixel at half scale (408), mean 7.8 and worst 28. So only photos that keep
     * more than a thousand pixels a side are reduced, and never below.
     */
    static final int MIN_REDUCED_SIDE = 1024;

    /**
     * Non-JPEG images over this many pixels are subsampled while reading, to bound memory (an ARGB copy
     * takes four bytes a pixel); PDQ's blur makes the difference negligible at such sizes.
     */
    private static final long MAX_FULL_DECODE_PIXELS = 40_000_000L;

    /** JPEGs with four components hold CMYK or YCCK. */
    private static final int CMYK_COMPONENTS = 4;

    private final DecodeLimits limits;

    public ImageDecoder(DecodeLimits limits) {
        this.limits = limits;
    }

    public ImageDecoder() {
        this(DecodeLimits.DEFAULT);
    }

    /**
     * Decodes a whole file held in memory.
     *
     * @param data the file's bytes; only the first {@code length} are read
     * @param orientation how to turn the picture upright (from its metadata), or {@link Orientation#NORMAL}
     * @throws UndecodableMediaException with a message for the report, for any file that cannot be decoded
     */
    public DecodedImage decode(byte[] data, int length, Orientation orientation) throws UndecodableMediaException {
        if (length == 0) {
            throw new UndecodableMediaException("empty file");
        }
        MediaFormat format = MediaFormat.sniff(data, length);
        if (format == MediaFormat.UNKNOWN) {
            throw new UndecodableMediaException("not a supported image: unrecognised content");
        }
        if (format.isVideo()) {
            throw new UndecodableMediaException("video (" + format.mediaType() + "): videos are not decoded as images");
        }
        if (!format.decodable()) {
            throw new UndecodableMediaException("unsupported format: " + format.name()
                    + " (no decoder for it is available in this build)");
        }
        try {
            DecodedImage stored = format == MediaFormat.JPEG ? decodeJpeg(data, length) : decodeWithImageIo(format, data, length);
            LumaImage upright = orientation.upright(stored.luma());
            return new DecodedImage(format, stored.width(), stored.height(), stored.reduction(), upright);
        } catch (OutOfMemoryError e) {
            // Within the pixel limit this should not happen; if it does, this file fails, not the batch.
            throw new UndecodableMediaException("not enough memory to decode this " + format.name() + " image");
        }
    }

    private DecodedImage decodeJpeg(byte[] data, int length) throws UndecodableMediaException {
        JpegStructure jpeg = JpegStructure.read(data, length);
        checkPixels(MediaFormat.JPEG, jpeg.width, jpeg.height);
        if (!jpeg.complete) {
            throw new UndecodableMediaException("truncated JPEG: the picture data ends before the end-of-image marker");
        }
        if (jpeg.components == CMYK_COMPONENTS) {
            // libjpeg-turbo's CMYK-to-grey conversion ignores the colour profile; TwelveMonkeys applies it.
            return decodeWithImageIo(MediaFormat.JPEG, data, length);
        }
        int reduction = reductionFor(jpeg.width, jpeg.height);
        LumaImage luma = NativeJpeg.decodeGrey(data, length, reduction);
        if (luma != null) {
            return new DecodedImage(MediaFormat.JPEG, jpeg.width, jpeg.height, reduction, luma);
        }
        return decodeWithImageIo(MediaFormat.JPEG, data, length);
    }

    static int reductionFor(int width, int height) {
        int shorter = Math.min(width, height);
        int reduction = 1;
        while (reduction < 8 && shorter / (reduction * 2) >= MIN_REDUCED_SIDE) {
            reduction *= 2;
        }
        return reduction;
    }

    private DecodedImage decodeWithImageIo(MediaFormat format, byte[] data, int length) throws UndecodableMediaException {
        String name = format.name();
        try (ImageInputStream in = new ByteArrayImageInputStream(data, 0, length)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new UndecodableMediaException("unsupported " + name + " variant: no reader accepts it");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                checkPixels(format, width, height);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = subsamplingFor(width, height);
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                BufferedImage image = reader.read(0, param);
                return new DecodedImage(format, width, height, step, luma(image));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // Plug-ins signal damage in many ways (IIOException, EOFException, IndexOutOfBounds...).
            throw new UndecodableMediaException(describeDamage(name, e), e);
        }
    }

    /**
     * Grey images are read as stored. Going through {@code getRGB} would not do: the JDK takes the grey
     * colour space for linear light and brightens every sample on the way to sRGB (the reference Java PDQ
     * does so, and its hash of a greyscale copy of a photo lies 14 bits from the photo's).
     */
    private static LumaImage luma(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        ColorModel model = image.getColorModel();
        int transfer = image.getRaster().getTransferType();
        boolean unsigned = transfer == DataBuffer.TYPE_BYTE || transfer == DataBuffer.TYPE_USHORT;
        // Float, int and signed grey rasters have no plain 0..2^bits-1 range: getRGB normalises those.
        if (model.getColorSpace().getType() == ColorSpace.TYPE_GRAY && !(model instanceof IndexColorModel)
                && unsigned && model.getComponentSize(0) <= 16) {
            Raster raster = image.getRaster();
            int[] samples = raster.getSamples(0, 0, w, h, 0, (int[]) null); // band 0 is grey, alpha comes after
            float scale = 255f / ((1 << model.getComponentSize(0)) - 1);
            float[] luma = new float[samples.length];
            for (int i = 0; i < samples.length; i++) {
                luma[i] = samples[i] * scale;
            }
            return new LumaImage(w, h, luma);
        }
        return LumaImage.fromArgb(w, h, image.getRGB(0, 0, w, h, null, 0, w));
    }

    private static int subsamplingFor(int width, int height) {
        long pixels = (long) width * height;
        int step = 1;
        while (pixels / ((long) step * step) > MAX_FULL_DECODE_PIXELS) {
            step++;
        }
        return step;
    }

    private void checkPixels(MediaFormat format, long width, long height) throws UndecodableMediaException {
        if (width <= 0 || height <= 0) {
            throw new UndecodableMediaException("corrupt " + format.name() + ": invalid size " + width + "x" + height);
        }
        long pixels = width * height;
        if (pixels > limits.maxPixels()) {
            throw new UndecodableMediaException(String.format(Locale.ROOT,
                    "image too large: %dx%d pixels (%.0f megapixels) exceeds the limit of %.0f megapixels",
                    width, height, pixels / 1e6, limits.maxPixels() / 1e6));
        }
    }

    private static String describeDamage(String format, Exception e) {
        String detail = e.getMessage();
        if (e instanceof java.io.EOFException || (detail != null && detail.toLowerCase(Locale.ROOT).contains("end of"))) {
            return "truncated " + format + ": the file ends early";
        }
        return "corrupt " + format + ": " + (detail == null || detail.isBlank() ? e.getClass().getSimpleName() : detail);
    }
}
