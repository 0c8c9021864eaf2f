package org.ariadne.scene;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The scene signal of one picture (or of a region of it): where its local features are and which visual
 * word each one is. Two pictures of one room or object share words at places that one perspective
 * transformation carries onto each other; {@link SceneComparison} finds that transformation.
 *
 * <p>Only the quantised form is kept, not the 32-byte ORB descriptors: eight bytes a feature, so that an
 * index of 100,000 pictures fits in a few hundred megabytes and a triage report can carry the signal.
 * Positions are fractions of the picture's width and height, in 16 bits (a 65,535th of a side). Each
 * feature also keeps its orientation and size, coarsely: two views of one scene turn and scale all their
 * features alike, which {@link SceneComparison} uses to set aside most chance pairings before RANSAC.
 *
 * <p>Encoding, version 1, little-endian ({@link #encode}); the canonical text is its lower-case hex (like
 * every other signal's, so that case never matters; twice the bytes, still 6 KB at most per picture):
 * <pre>
 * version      u8    1
 * vocabulary   u32   {@link Vocabulary#id()} of the words' vocabulary
 * width        u32   the picture's width in pixels (upright)
 * height       u32
 * count        u16   number of features
 * features     count x (word u16, x u16, y u16, angle u8, scale u8)
 *              angle: ORB's orientation in 256ths of a turn; scale: 8 log2 of the feature's diameter in
 *              pixels of the picture
 * </pre>
 * Immutable.
 */
public final class SceneFeatures {

    /** The encoding this class writes and reads. */
    public static final int ENCODING_VERSION = 1;
    private static final int HEADER_BYTES = 1 + 4 + 4 + 4 + 2;
    private static final int FEATURE_BYTES = 8;
    /** Positions are stored in 16 bits: this value stands for the far edge. */
    private static final int POSITION_SCALE = 0xffff;
    /** The count is a u16. */
    public static final int MAX_FEATURES = 0xffff;

    private final int vocabularyId;
    private final int width;
    private final int height;
    private final char[] words;
    private final char[] xs;
    private final char[] ys;
    /** Per feature, angle << 8 | scale. */
    private final char[] shapes;

    private SceneFeatures(int vocabularyId, int width, int height, char[] words, char[] xs, char[] ys, char[] shapes) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("scene_orb features need a positive picture size, not " + width + "x" + height);
        }
        if (words.length > MAX_FEATURES) {
            throw new IllegalArgumentException("at most " + MAX_FEATURES + " scene features, not " + words.length);
        }
        this.vocabularyId = vocabularyId;
        this.width = width;
        this.height = height;
        this.words = words;
        this.xs = xs;
        this.ys = ys;
        this.shapes = shapes;
    }

    /**
     * Features at pixel positions {@code (x[i], y[i])} of a {@code width x height} picture, with their words,
     * orientations (degrees) and diameters (pixels of the picture).
     *
     * @throws IllegalArgumentException if a word does not fit in 16 bits or the arrays disagree
     */
    public static SceneFeatures of(int vocabularyId, int width, int height, int[] words, float[] x, float[] y,
                                   float[] angles, float[] sizes) {
        int n = words.length;
        if (x.length != n || y.length != n || angles.length != n || sizes.length != n) {
            throw new IllegalArgumentException("words, positions, angles and sizes disagree: " + n + ", " + x.length
                    + ", " + y.length + ", " + angles.length + ", " + sizes.length);
        }
        char[] w = new char[n];
        char[] fx = new char[n];
        char[] fy = new char[n];
        char[] shape = new char[n];
        for (int i = 0; i < n; i++) {
            if (words[i] < 0 || words[i] > 0xffff) {
                throw new IllegalArgumentException("visual word " + words[i] + " does not fit in 16 bits");
            }
            w[i] = (char) words[i];
            fx[i] = fraction(x[i], width);
            fy[i] = fraction(y[i], height);
            int angle = Math.floorMod(Math.round(angles[i] / 360f * ANGLE_STEPS), ANGLE_STEPS);
            int scale = Math.clamp(Math.round(SCALE_STEPS_PER_OCTAVE * Math.log(Math.max(1f, sizes[i])) / Math.log(2)), 0, 0xff);
            shape[i] = (char) (angle << 8 | scale);
        }
        return new SceneFeatures(vocabularyId, width, height, w, fx, fy, shape);
    }

    /** Angles are stored in 256ths of a turn. */
    static final int ANGLE_STEPS = 256;
    /** Sizes are stored as this many steps per doubling. */
    static final int SCALE_STEPS_PER_OCTAVE = 8;

    private static char fraction(float position, int side) {
        return (char) Math.clamp(Math.round(position / side * POSITION_SCALE), 0, POSITION_SCALE);
    }

    public int vocabularyId() {
        return vocabularyId;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Number of features. */
    public int count() {
        return words.length;
    }

    public int word(int i) {
        return words[i];
    }

    /** Horizontal position of feature {@code i}, in pixels. */
    public float x(int i) {
        return (float) xs[i] * width / POSITION_SCALE;
    }

    /** Vertical position of feature {@code i}, in pixels. */
    public float y(int i) {
        return (float) ys[i] * height / POSITION_SCALE;
    }

    /** Orientation of feature {@code i}, in 256ths of a turn. */
    public int angle(int i) {
        return shapes[i] >>> 8;
    }

    /** Size of feature {@code i}: {@value #SCALE_STEPS_PER_OCTAVE} log2 of its diameter in pixels. */
    public int scale(int i) {
        return shapes[i] & 0xff;
    }

    /** The features that lie inside the region (a query for one object of the picture). */
    public SceneFeatures within(Region region) {
        region.within(width, height);
        int kept = 0;
        char[] w = new char[words.length];
        char[] fx = new char[words.length];
        char[] fy = new char[words.length];
        char[] shape = new char[words.length];
        for (int i = 0; i < words.length; i++) {
            if (region.contains(x(i), y(i))) {
                w[kept] = words[i];
                fx[kept] = xs[i];
                fy[kept] = ys[i];
                shape[kept] = shapes[i];
                kept++;
            }
        }
        return new SceneFeatures(vocabularyId, width, height, Arrays.copyOf(w, kept), Arrays.copyOf(fx, kept),
                Arrays.copyOf(fy, kept), Arrays.copyOf(shape, kept));
    }

    /** The encoded form (see the class comment). */
    public byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + FEATURE_BYTES * words.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) ENCODING_VERSION).putInt(vocabularyId).putInt(width).putInt(height).putShort((short) words.length);
        for (int i = 0; i < words.length; i++) {
            out.putChar(words[i]).putChar(xs[i]).putChar(ys[i]).putChar(shapes[i]);
        }
        return out.array();
    }

    /**
     * Reads the encoded form.
     *
     * @throws IllegalArgumentException saying what is wrong: another version, a truncated or overlong value
     */
    public static SceneFeatures decode(byte[] encoded) {
        ByteBuffer in = ByteBuffer.wrap(encoded).order(ByteOrder.LITTLE_ENDIAN);
        try {
            int version = Byte.toUnsignedInt(in.get());
            if (version != ENCODING_VERSION) {
                throw new IllegalArgumentException("scene_orb features of encoding version " + version
                        + " (this version of Ariadne reads version " + ENCODING_VERSION + ")");
            }
            int vocabulary = in.getInt();
            int width = in.getInt();
            int height = in.getInt();
            int count = Short.toUnsignedInt(in.getShort());
            if (in.remaining() != count * FEATURE_BYTES) {
                throw new IllegalArgumentException("scene_orb features: " + count + " features need " + count * FEATURE_BYTES
                        + " bytes, the value has " + in.remaining());
            }
            char[] w = new char[count];
            char[] fx = new char[count];
            char[] fy = new char[count];
            char[] shape = new char[count];
            for (int i = 0; i < count; i++) {
                w[i] = in.getChar();
                fx[i] = in.getChar();
                fy[i] = in.getChar();
                shape[i] = in.getChar();
            }
            return new SceneFeatures(vocabulary, width, height, w, fx, fy, shape);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("scene_orb features: truncated (" + encoded.length + " bytes)", e);
        }
    }

    /** The canonical text form: lower-case hex of {@link #encode}. */
    public String text() {
        return HexFormat.of().formatHex(encode());
    }

    /**
     * Reads the canonical text form.
     *
     * @throws IllegalArgumentException if it is null, not hex or not a valid encoding
     */
    public static SceneFeatures parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("scene_orb features: no text");
        }
        byte[] bytes;
        try {
            bytes = HexFormat.of().parseHex(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("scene_orb features: not hex (" + e.getMessage() + ")", e);
        }
        return decode(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SceneFeatures f && vocabularyId == f.vocabularyId && width == f.width && height == f.height
                && Arrays.equals(words, f.words) && Arrays.equals(xs, f.xs) && Arrays.equals(ys, f.ys) && Arrays.equals(shapes, f.shapes);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(words) + Arrays.hashCode(xs)) + Arrays.hashCode(ys) + width * 7 + height;
    }

    @Override
    public String toString() {
        return "SceneFeatures[" + words.length + " features of a " + width + "x" + height + " picture]";
    }
}
