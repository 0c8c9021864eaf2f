package org.ariadne.hashing.pdq;

import org.ariadne.media.LumaImage;

/**
 * PDQ's blur (a box filter along rows and columns, twice: Jarosz's tent) and its sampling at the centres
 * of a 64x64 grid, computed only where it is sampled.
 *
 * <p>The reference filters the whole image four times and then keeps 4,096 of its values. The filters
 * are linear and separable, so each kept value is a weighted sum of the pixels around it: the weights
 * along a row are those of the two box passes composed (a tent, clipped and renormalised at the edges
 * exactly as the reference's running sums are), and likewise down a column. So each image row is
 * reduced to its 64 weighted sums at the grid's columns (about one multiply-add per pixel, where the
 * four passes cost about ten operations and two stores per pixel), and the grid is then taken down the
 * columns of that 64-wide band.
 *
 * <p>The results are the reference's up to float rounding (its running sums round differently, about
 * one part in a million); this is checked by {@code PdqReferenceTest}, which requires every reference
 * hash and quality to the bit.
 */
final class JaroszFilter {

    private JaroszFilter() {
    }

    /** The blurred image sampled at the centres of a {@code grid x grid} lattice, row-major. */
    static float[] blurAndSample(LumaImage image, int grid, int windowAlongRows, int windowAlongCols) {
        int cols = image.width();
        int rows = image.height();
        Taps across = Taps.at(cols, windowAlongRows, grid);
        Taps down = Taps.at(rows, windowAlongCols, grid);

        // Each row's weighted sums at the grid's columns; only rows some grid row reads.
        float[] band = new float[rows * grid];
        float[] row = new float[cols];
        for (int r = down.first[0]; r <= down.last(grid - 1); r++) {
            image.copyRow(r, row);
            across.apply(row, 0, band, r * grid);
        }

        float[] sampled = new float[grid * grid];
        for (int i = 0; i < grid; i++) {
            int out = i * grid;
            int first = down.first[i];
            for (int t = 0; t < down.length[i]; t++) {
                float weight = down.weights[i * down.stride + t];
                int in = (first + t) * grid;
                for (int j = 0; j < grid; j++) {
                    sampled[out + j] += weight * band[in + j];
                }
            }
        }
        return sampled;
    }

    /**
     * For each of the grid's sample positions along one side, the weights the two box passes give to
     * the pixels around it: position p reads pixels {@code first[p]} to {@code first[p] + length[p] - 1}.
     */
    private static final class Taps {
        final int[] first;
        final int[] length;
        final float[] weights;
        final int stride;

        private Taps(int[] first, int[] length, float[] weights, int stride) {
            this.first = first;
            this.length = length;
            this.weights = weights;
            this.stride = stride;
        }

        /**
         * Output k of one box pass of width w averages inputs k - (w - half) to k + (half - 1), half =
         * (w + 2) / 2, clipped to the side and divided by the number of inputs covered. Two passes give
         * input x the weight sum over k of [k in box(c)] [x in box(k)] / (|box(c)| |box(k)|).
         */
        static Taps at(int side, int window, int grid) {
            int after = (window + 2) / 2 - 1;
            int before = window - after - 1;
            int stride = 2 * (before + after) + 1;
            int[] first = new int[grid];
            int[] length = new int[grid];
            float[] weights = new float[grid * stride];
            double[] w = new double[stride];
            for (int p = 0; p < grid; p++) {
                int centre = (int) (((p + 0.5) * side) / grid);
                int lo = Math.max(0, centre - before);
                int hi = Math.min(side - 1, centre + after);
                int from = Math.max(0, lo - before);
                int to = Math.min(side - 1, hi + after);
                java.util.Arrays.fill(w, 0);
                for (int k = lo; k <= hi; k++) {
                    int kLo = Math.max(0, k - before);
                    int kHi = Math.min(side - 1, k + after);
                    double share = 1.0 / ((double) (hi - lo + 1) * (kHi - kLo + 1));
                    for (int x = kLo; x <= kHi; x++) {
                        w[x - from] += share;
                    }
                }
                first[p] = from;
                length[p] = to - from + 1;
                for (int t = 0; t < length[p]; t++) {
                    weights[p * stride + t] = (float) w[t];
                }
            }
            return new Taps(first, length, weights, stride);
        }

        int last(int p) {
            return first[p] + length[p] - 1;
        }

        /** Writes the weighted sums at every position of the row starting at {@code in} to {@code out}. */
        void apply(float[] pixels, int in, float[] out, int at) {
            for (int p = 0; p < first.length; p++) {
                int x = in + first[p];
                int w = p * stride;
                int n = length[p];
                // Four independent sums, so that the additions overlap in the processor.
                float s0 = 0f;
                float s1 = 0f;
                float s2 = 0f;
                float s3 = 0f;
                int t = 0;
                for (; t + 3 < n; t += 4) {
                    s0 += weights[w + t] * pixels[x + t];
                    s1 += weights[w + t + 1] * pixels[x + t + 1];
                    s2 += weights[w + t + 2] * pixels[x + t + 2];
                    s3 += weights[w + t + 3] * pixels[x + t + 3];
                }
                for (; t < n; t++) {
                    s0 += weights[w + t] * pixels[x + t];
                }
                out[at + p] = (s0 + s1) + (s2 + s3);
            }
        }
    }
}
