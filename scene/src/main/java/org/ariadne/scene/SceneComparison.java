package org.ariadne.scene;

import static org.bytedeco.opencv.global.opencv_calib3d.RANSAC;
import static org.bytedeco.opencv.global.opencv_calib3d.findHomography;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Geometric verification: do two pictures' shared visual words lie where one perspective transformation
 * (a homography, found by RANSAC) carries one picture onto the other? That is what a wall, a poster, a
 * bedspread or a tabletop seen from elsewhere does; words shared by chance lie anywhere.
 *
 * <p>A homography describes a plane exactly and a room's content approximately (well for a view from a
 * little further or aside, poorly for a camera walking round the room; a fundamental matrix would accept
 * those but also far more chance agreements). Mirrored features ({@link SceneExtractor#extractMirrored})
 * need nothing special: a flip is a homography too.
 *
 * <p>Stateless and thread-safe.
 */
public final class SceneComparison {

    /**
     * Two pictures show one scene when at least this many features agree with one transformation. Among
     * distinct pictures RANSAC finds chance agreements of a few features (at most 9 among the benchmark's
     * distinct photos, bench/RESULTS.md); same-scene pairs under the benchmark's edits have dozens.
     */
    public static final int MIN_INLIERS = 15;

    /**
     * A word that occurs more often than this in one picture is repetitive texture (tiles, a checked
     * cloth): all its pairings would flood RANSAC with look-alikes, so it is left out.
     */
    static final int MAX_WORD_REPEATS = 3;

    /**
     * Fewer consistent correspondences than {@link #MIN_INLIERS} cannot give that many agreeing features:
     * RANSAC, the costly part (up to a few milliseconds for an unrelated pair), is skipped. Most candidates
     * of a query end here.
     */
    static final int MIN_CORRESPONDENCES = MIN_INLIERS;

    /**
     * A feature agrees when the transformation puts it within this many pixels of its partner, both
     * pictures measured as if their longer side were {@link SceneExtractor#ANALYSIS_SIDE} (ORB's corners are
     * found to a pixel or two at the pyramid's finer levels, a few at the coarser ones).
     */
    static final double INLIER_TOLERANCE = 5.0;

    /**
     * A transformation that shrinks or enlarges areas more than this where the features are is not a view
     * but chance: an object filling a fifth of one picture's side may fill the whole other one (25), and
     * no more.
     */
    static final double MAX_AREA_RATIO = 32;

    /**
     * Nor one that stretches one direction more than this times the other where the features are: a plane
     * seen at 70 degrees instead of head-on is foreshortened about three times. Chance agreements among
     * unrelated pictures mostly come with wild stretches, so this removes most of them.
     */
    static final double MAX_STRETCH = 3.0;

    /**
     * The agreeing features must spread over at least this many pixels (of {@link SceneExtractor#ANALYSIS_SIDE})
     * each way in both pictures: a cluster of a few close corners proves little.
     */
    static final double MIN_SPREAD = 24;

    /**
     * RANSAC stops by itself once it is 99.5 % sure (after about 80 samples when half the pairs agree);
     * this cap bounds what an unrelated candidate costs, where it never becomes sure. 500 samples still
     * find a transformation that a third of the pairs agree with at 99.9 %, and the weak consistency
     * vote leaves true matches far more than that.
     */
    private static final int RANSAC_ITERATIONS = 500;
    private static final double RANSAC_CONFIDENCE = 0.995;

    private SceneComparison() {
    }

    /**
     * The reference comparison, symmetric: the pair is put in a fixed order before RANSAC, whose sampling
     * depends on the order.
     */
    public static Verification compare(SceneFeatures a, SceneFeatures b) {
        return Arrays.compare(a.encode(), b.encode()) <= 0 ? verify(a, b) : verify(b, a).swapped();
    }

    /**
     * How many pairs of features with one word turn and scale alike in the two pictures: a cheap upper
     * bound of the agreeing features {@link #verify} can find, to choose which candidates deserve it.
     */
    public static int consistentPairs(SceneFeatures query, SceneFeatures found) {
        return query.vocabularyId() == found.vocabularyId() ? correspondences(query, found)[0].length : 0;
    }

    /** Verifies a found picture's features against a query's. */
    public static Verification verify(SceneFeatures query, SceneFeatures found) {
        if (query.vocabularyId() != found.vocabularyId()) {
            throw new IllegalArgumentException("scene features of two vocabularies cannot be compared ("
                    + Integer.toHexString(query.vocabularyId()) + ", " + Integer.toHexString(found.vocabularyId()) + ")");
        }
        int[][] pairs = correspondences(query, found);
        int n = pairs[0].length;
        if (n < MIN_CORRESPONDENCES) {
            return Verification.NONE;
        }
        double queryScale = SceneExtractor.ANALYSIS_SIDE / (double) Math.max(query.width(), query.height());
        double foundScale = SceneExtractor.ANALYSIS_SIDE / (double) Math.max(found.width(), found.height());
        float[] from = new float[2 * n];
        float[] to = new float[2 * n];
        for (int i = 0; i < n; i++) {
            from[2 * i] = (float) (query.x(pairs[0][i]) * queryScale);
            from[2 * i + 1] = (float) (query.y(pairs[0][i]) * queryScale);
            to[2 * i] = (float) (found.x(pairs[1][i]) * foundScale);
            to[2 * i + 1] = (float) (found.y(pairs[1][i]) * foundScale);
        }
        byte[] agrees = new byte[n];
        double[] h = new double[9];
        try (FloatPointer fromPoints = new FloatPointer(from);
             FloatPointer toPoints = new FloatPointer(to);
             Mat fromMat = new Mat(n, 1, CV_32FC2, fromPoints);
             Mat toMat = new Mat(n, 1, CV_32FC2, toPoints);
             Mat mask = new Mat();
             Mat homography = findHomography(fromMat, toMat, RANSAC, INLIER_TOLERANCE, mask, RANSAC_ITERATIONS,
                     RANSAC_CONFIDENCE)) {
            if (homography.empty() || mask.empty()) {
                return Verification.NONE;
            }
            mask.data().get(agrees);
            try (DoublePointer values = new DoublePointer(homography.data())) {
                values.capacity(9).get(h);
            }
        }
        return plausible(h, from, to, agrees) ? agreeing(query, found, pairs, agrees) : Verification.NONE;
    }

    /**
     * Whether the transformation looks like another view rather than chance: where the agreeing features
     * are, it keeps areas within {@link #MAX_AREA_RATIO} and stretches less than {@link #MAX_STRETCH}; it
     * keeps them in front of the camera; and they spread at least {@link #MIN_SPREAD} each way in both
     * pictures.
     */
    static boolean plausible(double[] h, float[] from, float[] to, byte[] agrees) {
        double cx = 0;
        double cy = 0;
        int n = 0;
        float[] fromBox = {Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
        float[] toBox = fromBox.clone();
        double firstDepth = 0;
        for (int i = 0; i < agrees.length; i++) {
            if (agrees[i] == 0) {
                continue;
            }
            double x = from[2 * i];
            double y = from[2 * i + 1];
            double depth = h[6] * x + h[7] * y + h[8];
            if (n == 0) {
                firstDepth = depth;
            } else if (Math.signum(depth) != Math.signum(firstDepth)) {
                return false; // some features would lie behind the camera
            }
            cx += x;
            cy += y;
            n++;
            extend(fromBox, from[2 * i], from[2 * i + 1]);
            extend(toBox, to[2 * i], to[2 * i + 1]);
        }
        if (n == 0 || Math.min(fromBox[2] - fromBox[0], fromBox[3] - fromBox[1]) < MIN_SPREAD
                || Math.min(toBox[2] - toBox[0], toBox[3] - toBox[1]) < MIN_SPREAD) {
            return false;
        }
        cx /= n;
        cy /= n;
        // The Jacobian of the homography at the features' centre, and its two singular values.
        double w = h[6] * cx + h[7] * cy + h[8];
        double u = (h[0] * cx + h[1] * cy + h[2]) / w;
        double v = (h[3] * cx + h[4] * cy + h[5]) / w;
        double a = (h[0] - u * h[6]) / w;
        double b = (h[1] - u * h[7]) / w;
        double c = (h[3] - v * h[6]) / w;
        double d = (h[4] - v * h[7]) / w;
        double q = Math.hypot((a + d) / 2, (c - b) / 2);
        double r = Math.hypot((a - d) / 2, (c + b) / 2);
        double larger = q + r;
        double smaller = Math.abs(q - r);
        double area = larger * smaller;
        return area >= 1 / MAX_AREA_RATIO && area <= MAX_AREA_RATIO && larger <= MAX_STRETCH * smaller;
    }

    private static void extend(float[] box, float x, float y) {
        box[0] = Math.min(box[0], x);
        box[1] = Math.min(box[1], y);
        box[2] = Math.max(box[2], x);
        box[3] = Math.max(box[3], y);
    }

    private static Verification agreeing(SceneFeatures query, SceneFeatures found, int[][] pairs, byte[] agrees) {
        BitSet queryUsed = new BitSet();
        BitSet foundUsed = new BitSet();
        List<KeypointPair> kept = new ArrayList<>();
        float[] qx = new float[agrees.length];
        float[] qy = new float[agrees.length];
        float[] fx = new float[agrees.length];
        float[] fy = new float[agrees.length];
        for (int i = 0; i < agrees.length; i++) {
            if (agrees[i] == 0) {
                continue;
            }
            int q = pairs[0][i];
            int f = pairs[1][i];
            queryUsed.set(q);
            foundUsed.set(f);
            qx[kept.size()] = query.x(q);
            qy[kept.size()] = query.y(q);
            fx[kept.size()] = found.x(f);
            fy[kept.size()] = found.y(f);
            kept.add(new KeypointPair(query.x(q), query.y(q), found.x(f), found.y(f)));
        }
        int inliers = Math.min(queryUsed.cardinality(), foundUsed.cardinality());
        if (inliers == 0) {
            return Verification.NONE;
        }
        return new Verification(inliers, kept,
                Region.around(qx, qy, kept.size(), query.width(), query.height()),
                Region.around(fx, fy, kept.size(), found.width(), found.height()));
    }

    /**
     * Pairs of features with the same word, as two parallel arrays of indices (query, found), in word
     * order; words repeated more than {@link #MAX_WORD_REPEATS} times in either picture are left out, and
     * so are pairs that turn or scale unlike most ({@link #consistent}).
     */
    static int[][] correspondences(SceneFeatures query, SceneFeatures found) {
        long[] q = byWord(query);
        long[] f = byWord(found);
        int[] fromQuery = new int[Math.max(16, Math.min(q.length, f.length) * 2)];
        int[] fromFound = new int[fromQuery.length];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < q.length && j < f.length) {
            long wq = q[i] >>> 32;
            long wf = f[j] >>> 32;
            if (wq < wf) {
                i++;
            } else if (wf < wq) {
                j++;
            } else {
                int iEnd = i;
                while (iEnd < q.length && q[iEnd] >>> 32 == wq) {
                    iEnd++;
                }
                int jEnd = j;
                while (jEnd < f.length && f[jEnd] >>> 32 == wq) {
                    jEnd++;
                }
                if (iEnd - i <= MAX_WORD_REPEATS && jEnd - j <= MAX_WORD_REPEATS) {
                    for (int a = i; a < iEnd; a++) {
                        for (int b = j; b < jEnd; b++) {
                            if (n == fromQuery.length) {
                                fromQuery = Arrays.copyOf(fromQuery, n * 2);
                                fromFound = Arrays.copyOf(fromFound, n * 2);
                            }
                            fromQuery[n] = (int) q[a];
                            fromFound[n] = (int) f[b];
                            n++;
                        }
                    }
                }
                i = iEnd;
                j = jEnd;
            }
        }
        return consistent(query, found, Arrays.copyOf(fromQuery, n), Arrays.copyOf(fromFound, n));
    }

    /**
     * Angle differences are grouped in sixteenths of a turn; pairs in the most common group and its two
     * neighbours are kept (a perspective view turns features by different amounts, but within about 30
     * degrees of each other).
     */
    static final int ANGLE_BIN = SceneFeatures.ANGLE_STEPS / 16;

    /** Size ratios are grouped by half octaves; pairs in the most common group and its neighbours are kept. */
    static final int SCALE_BIN = SceneFeatures.SCALE_STEPS_PER_OCTAVE / 2;

    /**
     * Weak geometric consistency: two views of one scene turn and scale all their features by about the
     * same amounts, chance pairings by any. Keeping only the pairs that agree with the most common turn
     * and scale change removes most chance pairings, so that RANSAC meets a majority of true ones.
     */
    private static int[][] consistent(SceneFeatures query, SceneFeatures found, int[] fromQuery, int[] fromFound) {
        int n = fromQuery.length;
        int[] turn = new int[n];
        int[] zoom = new int[n];
        int turns = SceneFeatures.ANGLE_STEPS / ANGLE_BIN;
        int[] turnVotes = new int[turns];
        for (int i = 0; i < n; i++) {
            turn[i] = ((query.angle(fromQuery[i]) - found.angle(fromFound[i])) & (SceneFeatures.ANGLE_STEPS - 1)) / ANGLE_BIN;
            zoom[i] = Math.floorDiv(query.scale(fromQuery[i]) - found.scale(fromFound[i]), SCALE_BIN);
            turnVotes[turn[i]]++;
        }
        int bestTurn = 0;
        for (int t = 1; t < turns; t++) {
            bestTurn = turnVotes[t] > turnVotes[bestTurn] ? t : bestTurn;
        }
        int zooms = 2 * 256 / SCALE_BIN + 1;
        int[] zoomVotes = new int[zooms];
        for (int i = 0; i < n; i++) {
            if (near(turn[i], bestTurn, turns)) {
                zoomVotes[zoom[i] + zooms / 2]++;
            }
        }
        int bestZoom = 0;
        for (int z = 1; z < zooms; z++) {
            bestZoom = zoomVotes[z] > zoomVotes[bestZoom] ? z : bestZoom;
        }
        bestZoom -= zooms / 2;
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (near(turn[i], bestTurn, turns) && Math.abs(zoom[i] - bestZoom) <= 1) {
                fromQuery[kept] = fromQuery[i];
                fromFound[kept] = fromFound[i];
                kept++;
            }
        }
        return new int[][] {Arrays.copyOf(fromQuery, kept), Arrays.copyOf(fromFound, kept)};
    }

    private static boolean near(int bin, int centre, int bins) {
        int d = Math.floorMod(bin - centre, bins);
        return d <= 1 || d == bins - 1;
    }

    /** Each feature as (word << 32 | index), sorted: features grouped by word. */
    private static long[] byWord(SceneFeatures features) {
        long[] keys = new long[features.count()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = (long) features.word(i) << 32 | i;
        }
        Arrays.sort(keys);
        return keys;
    }
}
