package org.ariadne.scene.testing;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.getPerspectiveTransform;
import static org.bytedeco.opencv.global.opencv_imgproc.warpPerspective;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.ariadne.media.LumaImage;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Benign generated scenes for tests, seeded: a "room" of shapes, lines and printed words over a gradient
 * (corners of many sizes, few of them alike, as in a photo of furnishings), and the edits that a second
 * photo of the same place makes: crops, perspective, light, occlusion, mirror, scale.
 */
public final class Scenes {

    /** Letters and digits of a seed's own (distinct scenes print distinct words, as distinct rooms do). */
    private static String word(Random random) {
        StringBuilder word = new StringBuilder();
        for (int i = 0, n = 2 + random.nextInt(6); i < n; i++) {
            word.append("ABCDEFGHJKLMNPRSTUVWXYZabdefghkmnqrt2345789".charAt(random.nextInt(43)));
        }
        return word.toString();
    }

    private Scenes() {
    }

    /** A scene of that seed: the same seed, the same picture. */
    public static BufferedImage room(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        Random random = new Random(seed);
        g.setPaint(new GradientPaint(0, 0, colour(random), width, height, colour(random)));
        g.fillRect(0, 0, width, height);
        paintObjects(g, width, height, random, 60);
        g.dispose();
        return image;
    }

    /** An object (a "poster"): a small picture of its own seed, to paste into rooms. */
    public static BufferedImage poster(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Random random = new Random(seed);
        g.setColor(colour(random));
        g.fillRect(0, 0, width, height);
        paintObjects(g, width, height, random, 25);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(4));
        g.drawRect(2, 2, width - 4, height - 4);
        g.dispose();
        return image;
    }

    private static void paintObjects(Graphics2D g, int width, int height, Random random, int count) {
        int unit = Math.min(width, height);
        for (int i = 0; i < count; i++) {
            g.setColor(colour(random));
            int x = random.nextInt(width);
            int y = random.nextInt(height);
            int w = unit / 30 + random.nextInt(unit / 5);
            int h = unit / 30 + random.nextInt(unit / 5);
            switch (random.nextInt(5)) {
                case 0 -> g.fillRect(x, y, w, h);
                case 1 -> g.fillOval(x, y, w, h);
                case 2 -> {
                    Polygon p = new Polygon();
                    for (int k = 0, n = 3 + random.nextInt(4); k < n; k++) {
                        p.addPoint(x + random.nextInt(w + 1), y + random.nextInt(h + 1));
                    }
                    g.fillPolygon(p);
                }
                case 3 -> {
                    g.setStroke(new BasicStroke(1 + random.nextInt(5)));
                    g.drawLine(x, y, x + random.nextInt(2 * w) - w, y + random.nextInt(2 * h) - h);
                }
                default -> {
                    // DejaVu by name, not the logical SERIF / SANS_SERIF: those follow whatever fonts the
                    // machine has (installing Noto changed them), and with them every scene the tests draw
                    g.setFont(new Font(random.nextBoolean() ? "DejaVu Serif" : "DejaVu Sans",
                            random.nextBoolean() ? Font.BOLD : Font.PLAIN, 10 + random.nextInt(unit / 12)));
                    g.drawString(word(random), x, y);
                }
            }
        }
    }

    private static Color colour(Random random) {
        return new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256));
    }

    /** The picture's luma, as the decoder gives it. */
    public static LumaImage luma(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        return LumaImage.fromArgb(w, h, image.getRGB(0, 0, w, h, null, 0, w));
    }

    /** Pastes {@code object} into a copy of {@code room} with its top-left corner at (x, y). */
    public static BufferedImage pasted(BufferedImage room, BufferedImage object, int x, int y) {
        BufferedImage copy = new BufferedImage(room.getWidth(), room.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = copy.createGraphics();
        g.drawImage(room, 0, 0, null);
        g.drawImage(object, x, y, null);
        g.dispose();
        return copy;
    }

    /** The part of the picture inside the box. */
    public static LumaImage crop(LumaImage image, int x, int y, int width, int height) {
        float[] out = new float[width * height];
        float[] row = new float[image.width()];
        for (int r = 0; r < height; r++) {
            image.copyRow(y + r, row);
            System.arraycopy(row, x, out, r * width, width);
        }
        return new LumaImage(width, height, out);
    }

    /** Flipped left to right. */
    public static LumaImage mirror(LumaImage image) {
        int w = image.width();
        float[] out = new float[w * image.height()];
        float[] row = new float[w];
        for (int r = 0; r < image.height(); r++) {
            image.copyRow(r, row);
            for (int c = 0; c < w; c++) {
                out[r * w + c] = row[w - 1 - c];
            }
        }
        return new LumaImage(w, image.height(), out);
    }

    /** Other light: {@code gain * luma + offset}, then a gamma, clipped to 0-255. */
    public static LumaImage lighting(LumaImage image, double gain, double offset, double gamma) {
        float[] pixels = image.toFloats();
        for (int i = 0; i < pixels.length; i++) {
            double v = Math.clamp(gain * pixels[i] + offset, 0, 255) / 255;
            pixels[i] = (float) (255 * Math.pow(v, gamma));
        }
        return new LumaImage(image.width(), image.height(), pixels);
    }

    /** Covered by {@code count} flat seeded boxes of up to a fifth of each side (people, furniture in front). */
    public static LumaImage occluded(LumaImage image, int count, long seed) {
        float[] pixels = image.toFloats();
        Random random = new Random(seed);
        int w = image.width();
        int h = image.height();
        for (int k = 0; k < count; k++) {
            int bw = w / 10 + random.nextInt(w / 10);
            int bh = h / 10 + random.nextInt(h / 10);
            int bx = random.nextInt(w - bw);
            int by = random.nextInt(h - bh);
            float value = random.nextInt(256);
            for (int y = by; y < by + bh; y++) {
                java.util.Arrays.fill(pixels, y * w + bx, y * w + bx + bw, value);
            }
        }
        return new LumaImage(w, h, pixels);
    }

    /**
     * Seen from elsewhere: the picture's corners moved inwards by the given fractions of its sides
     * (top-left x, top-right x, bottom-right y, bottom-left y ...), as a perspective warp of the same size.
     */
    public static LumaImage perspective(LumaImage image, float[] cornerShifts) {
        int w = image.width();
        int h = image.height();
        float[] from = {0, 0, w, 0, w, h, 0, h};
        float[] to = new float[8];
        float[] inward = {1, 1, -1, 1, -1, -1, 1, -1};
        for (int i = 0; i < 8; i++) {
            to[i] = from[i] + inward[i] * cornerShifts[i] * (i % 2 == 0 ? w : h);
        }
        return warp(image, from, to, w, h);
    }

    /**
     * Scaled by {@code factor}: shrunk by averaging the pixels each new one covers (as photo software
     * shrinks, without aliasing), enlarged bilinearly.
     */
    public static LumaImage scaled(LumaImage image, double factor) {
        int ow = (int) Math.round(image.width() * factor);
        int oh = (int) Math.round(image.height() * factor);
        float[] out = new float[ow * oh];
        try (FloatPointer in = new FloatPointer(image.toFloats());
             Mat source = new Mat(image.height(), image.width(), CV_32FC1, in);
             Mat target = new Mat();
             Size size = new Size(ow, oh)) {
            resize(source, target, size, 0, 0, factor < 1 ? INTER_AREA : INTER_LINEAR);
            new FloatPointer(target.data()).capacity(out.length).get(out);
        }
        return new LumaImage(ow, oh, out);
    }

    private static LumaImage warp(LumaImage image, float[] from, float[] to, int outWidth, int outHeight) {
        float[] pixels = image.toFloats();
        float[] out = new float[outWidth * outHeight];
        try (FloatPointer in = new FloatPointer(pixels);
             Mat source = new Mat(image.height(), image.width(), CV_32FC1, in);
             FloatPointer fromPoints = new FloatPointer(from);
             FloatPointer toPoints = new FloatPointer(to);
             Mat fromMat = new Mat(4, 1, org.bytedeco.opencv.global.opencv_core.CV_32FC2, fromPoints);
             Mat toMat = new Mat(4, 1, org.bytedeco.opencv.global.opencv_core.CV_32FC2, toPoints);
             Mat homography = getPerspectiveTransform(fromMat, toMat);
             Mat target = new Mat();
             Size size = new Size(outWidth, outHeight);
             Scalar grey = new Scalar(128.0)) {
            warpPerspective(source, target, homography, size, INTER_LINEAR, 0, grey);
            new FloatPointer(target.data()).capacity(out.length).get(out);
        }
        return new LumaImage(outWidth, outHeight, out);
    }
}
