package org.ariadne.scene;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.ariadne.media.LumaImage;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.KeyPoint;
import org.bytedeco.opencv.opencv_core.KeyPointVector;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_features2d.ORB;

/**
 * Finds the local features of a picture, or of a region of it, with OpenCV's ORB (oriented FAST corners,
 * rotated BRIEF descriptors: fast, free of patents, invariant to rotation and to moderate changes of
 * scale and light) and turns each descriptor into a visual word.
 *
 * <p>Mirroring: ORB descriptors are not invariant to a flip. Rather than indexing every picture twice, a
 * query can be run a second time with {@link #extractMirrored}, the features of the flipped picture
 * placed back where they lie in the unflipped one; the geometry check then finds the flip itself.
 *
 * <p>Thread-safe: each call makes its own detector.
 */
public final class SceneExtractor {

    /**
     * Pictures are shrunk to at most this many pixels on their longer side before detection. ORB's
     * pyramid covers scales from there down; more pixels find more of the same corners at a cost that
     * grows with the area (about 10 ms a picture at this size on one core).
     */
    public static final int ANALYSIS_SIDE = 640;

    /**
     * At most this many features a picture, the strongest corners. Enough that a quarter of a room seen
     * again still has dozens; few enough that a picture costs 3 KB in an index.
     */
    public static final int MAX_FEATURES = 500;

    // ORB's own defaults, named: a pyramid of eight levels 1.2 apart covers a scale change of about 3.6.
    private static final float PYRAMID_SCALE = 1.2f;
    private static final int PYRAMID_LEVELS = 8;
    private static final int EDGE_THRESHOLD = 31;
    private static final int PATCH_SIZE = 31;
    private static final int FAST_THRESHOLD = 10;
    private static final int BRIEF_POINTS = 2;

    /**
     * ORB finds no corner within {@link #EDGE_THRESHOLD} of a border: a picture narrower than twice that
     * and a little has none, and OpenCV is not asked (its resizing refuses some degenerate sizes).
     */
    static final int MIN_ANALYSED_SIDE = 2 * EDGE_THRESHOLD + 3;

    private static final Detected NOTHING = new Detected(0, new float[0], new float[0], new float[0], new float[0], new long[0]);

    private final Vocabulary vocabulary;
    private final int maxFeatures;

    public SceneExtractor(Vocabulary vocabulary, int maxFeatures) {
        if (maxFeatures < 1 || maxFeatures > SceneFeatures.MAX_FEATURES) {
            throw new IllegalArgumentException("max features must be 1 to " + SceneFeatures.MAX_FEATURES + ", not " + maxFeatures);
        }
        this.vocabulary = vocabulary;
        this.maxFeatures = maxFeatures;
    }

    /** With the standard vocabulary and {@link #MAX_FEATURES}. */
    public SceneExtractor() {
        this(Vocabulary.standard(), MAX_FEATURES);
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The features of the whole picture. */
    public SceneFeatures extract(LumaImage image) {
        return extract(image, Region.whole(image.width(), image.height()), false);
    }

    /** The features of a region (up to {@link #MAX_FEATURES} inside it), placed in the picture. */
    public SceneFeatures extract(LumaImage image, Region region) {
        return extract(image, region, false);
    }

    /** The features of the picture flipped left to right, at the places they have in the unflipped picture. */
    public SceneFeatures extractMirrored(LumaImage image, Region region) {
        return extract(image, region, true);
    }

    private SceneFeatures extract(LumaImage image, Region region, boolean mirrored) {
        Detected detected = detect(image, region, mirrored, maxFeatures);
        int[] words = new int[detected.count()];
        for (int i = 0; i < words.length; i++) {
            words[i] = vocabulary.word(detected.descriptors(), i * Vocabulary.DESCRIPTOR_LONGS);
        }
        return SceneFeatures.of(vocabulary.id(), image.width(), image.height(), words, detected.x, detected.y,
                detected.angles, detected.sizes);
    }

    /**
     * ORB keypoints (positions in the picture's pixels) and their descriptors, four longs each: what a
     * vocabulary is trained on.
     */
    static Detected detect(LumaImage image, Region region, boolean mirrored, int maxFeatures) {
        region.within(image.width(), image.height());
        // A region is analysed at the scale of the whole picture: the object then appears at the size it
        // has in pictures of the index, which were analysed whole (enlarging it, tried first, pushed it
        // past the scale range ORB's pyramid bridges).
        double scale = Math.min(1.0, (double) ANALYSIS_SIDE / Math.max(image.width(), image.height()));
        // ORB finds no corner within its patch's reach of the border: a region is read with that much of
        // its surroundings, and only the corners inside it are kept.
        int margin = (int) Math.ceil(EDGE_THRESHOLD / scale);
        int left = Math.max(0, region.x() - margin);
        int top = Math.max(0, region.y() - margin);
        Region read = new Region(left, top, Math.min(image.width(), region.x() + region.width() + margin) - left,
                Math.min(image.height(), region.y() + region.height() + margin) - top);
        Detected all = detectIn(image, read, scale, mirrored, maxFeatures);
        return all.inside(region);
    }

    private static Detected detectIn(LumaImage image, Region region, double scale, boolean mirrored, int maxFeatures) {
        if (Math.min(region.width(), region.height()) * scale < MIN_ANALYSED_SIDE) {
            return NOTHING;
        }
        byte[] grey = crop(image, region, mirrored);
        try (BytePointer pixels = new BytePointer(grey);
             Mat cropped = new Mat(region.height(), region.width(), CV_8UC1, pixels);
             Mat analysed = new Mat();
             Mat descriptors = new Mat();
             Mat noMask = new Mat();
             KeyPointVector keypoints = new KeyPointVector();
             ORB orb = ORB.create(maxFeatures, PYRAMID_SCALE, PYRAMID_LEVELS, EDGE_THRESHOLD, 0, BRIEF_POINTS,
                     ORB.HARRIS_SCORE, PATCH_SIZE, FAST_THRESHOLD)) {
            if (scale == 1.0) {
                cropped.copyTo(analysed);
            } else {
                int width = Math.max(1, (int) Math.round(region.width() * scale));
                int height = Math.max(1, (int) Math.round(region.height() * scale));
                try (Size size = new Size(width, height)) {
                    resize(cropped, analysed, size, 0, 0, scale < 1 ? INTER_AREA : INTER_LINEAR);
                }
            }
            orb.detectAndCompute(analysed, noMask, keypoints, descriptors);
            int count = (int) Math.min(keypoints.size(), descriptors.rows());
            float[] x = new float[count];
            float[] y = new float[count];
            float[] angles = new float[count];
            float[] sizes = new float[count];
            double scaleX = (double) region.width() / analysed.cols();
            double scaleY = (double) region.height() / analysed.rows();
            for (int i = 0; i < count; i++) {
                KeyPoint k = keypoints.get(i);
                // Corners are at pixel centres: +0.5 maps a centre of the analysed image to one of the region.
                double cx = (k.pt().x() + 0.5) * scaleX;
                double cy = (k.pt().y() + 0.5) * scaleY;
                x[i] = (float) (region.x() + (mirrored ? region.width() - cx : cx));
                y[i] = (float) (region.y() + cy);
                angles[i] = k.angle();
                sizes[i] = (float) (k.size() * scaleX);
            }
            long[] longs = new long[count * Vocabulary.DESCRIPTOR_LONGS];
            if (count > 0) {
                byte[] bytes = new byte[count * Vocabulary.DESCRIPTOR_BYTES];
                descriptors.data().get(bytes);
                ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(longs);
            }
            return new Detected(count, x, y, angles, sizes, longs);
        }
    }

    /** What ORB found: positions in the picture and descriptors, four longs each (arrays shared, not copied). */
    static final class Detected {
        private final int count;
        private final float[] x;
        private final float[] y;
        private final float[] angles;
        private final float[] sizes;
        private final long[] descriptors;

        Detected(int count, float[] x, float[] y, float[] angles, float[] sizes, long[] descriptors) {
            this.count = count;
            this.x = x;
            this.y = y;
            this.angles = angles;
            this.sizes = sizes;
            this.descriptors = descriptors;
        }

        int count() {
            return count;
        }

        long[] descriptors() {
            return descriptors;
        }

        /** The features that lie inside the region. */
        Detected inside(Region region) {
            int kept = 0;
            float[] keptX = new float[count];
            float[] keptY = new float[count];
            float[] keptAngles = new float[count];
            float[] keptSizes = new float[count];
            long[] keptDescriptors = new long[descriptors.length];
            for (int i = 0; i < count; i++) {
                if (region.contains(x[i], y[i])) {
                    keptX[kept] = x[i];
                    keptY[kept] = y[i];
                    keptAngles[kept] = angles[i];
                    keptSizes[kept] = sizes[i];
                    System.arraycopy(descriptors, i * Vocabulary.DESCRIPTOR_LONGS, keptDescriptors,
                            kept * Vocabulary.DESCRIPTOR_LONGS, Vocabulary.DESCRIPTOR_LONGS);
                    kept++;
                }
            }
            return kept == count ? this : new Detected(kept, Arrays.copyOf(keptX, kept), Arrays.copyOf(keptY, kept),
                    Arrays.copyOf(keptAngles, kept), Arrays.copyOf(keptSizes, kept),
                    Arrays.copyOf(keptDescriptors, kept * Vocabulary.DESCRIPTOR_LONGS));
        }
    }

    private static byte[] crop(LumaImage image, Region region, boolean mirrored) {
        int width = region.width();
        byte[] grey = new byte[width * region.height()];
        float[] row = new float[image.width()];
        for (int y = 0; y < region.height(); y++) {
            image.copyRow(region.y() + y, row);
            int at = y * width;
            for (int x = 0; x < width; x++) {
                float v = row[region.x() + (mirrored ? width - 1 - x : x)];
                grey[at + x] = (byte) Math.clamp(Math.round(v), 0, 255);
            }
        }
        return grey;
    }
}
