package org.ariadne.hashing.pdq;

import java.util.ArrayList;
import java.util.List;
import org.ariadne.media.LumaImage;

/**
 * PDQ, the perceptual hash Meta published for photos, computed from a luma image.
 *
 * <p>The steps, as published: blur the luma with a tent filter made of two passes of box filters
 * along rows and columns (Jarosz), each window 1/128 of the side; sample the blurred image at the
 * centres of a 64x64 grid; take the 16x16 lowest non-constant frequencies of its 2-D DCT; set each
 * bit where the coefficient exceeds the median coefficient. Quality counts the strong gradients of the
 * 64x64 grid: flat or nearly blank pictures score low and their hashes should not be trusted.
 *
 * <p>Every floating-point operation is done in float and in the order the reference implementation
 * does it, so that the same pixels give the same hash to the bit. Loops are arranged for speed
 * (column filters sweep rows, the DCT runs along contiguous rows) without changing any sum's order.
 *
 * <p>Instances hold no state: the class is safe to share between threads.
 */
public final class PdqHasher {

    /** Side of the grid the blurred image is sampled to. */
    static final int GRID = 64;
    /** Side of the coefficient block that gives the 256 bits. */
    static final int BLOCK = 16;
    /**
     * Each 1-D box window spans 1/128 of the side: half a grid cell, since two passes together
     * cover a whole cell. Rounded up, so small images still get a window of one.
     */
    private static final int WINDOW_DIVISOR = 2 * GRID;
    /** Quality is the count of gradients, in percent of full scale, divided by this heuristic; capped at 100. */
    private static final int QUALITY_SCALE = 90;
    private static final int MAX_QUALITY = 100;

    /** The 16x64 DCT-II basis for frequencies 1 to 16 (frequency 0, the mean, says nothing about structure). */
    private static final float[] DCT = dctBasis();

    /** Hashes the image and its seven rotations and flips. */
    public PdqResult hash(LumaImage image) {
        float[] grid = blurAndSample(image);
        int quality = quality(grid);
        float[] coefficients = dct(grid);

        List<PdqHash> hashes = new ArrayList<>(Dihedral.values().length);
        float[] transformed = new float[BLOCK * BLOCK];
        for (Dihedral d : Dihedral.values()) {
            if (d == Dihedral.ORIGINAL) {
                hashes.add(toBits(coefficients));
            } else {
                d.transform(coefficients, transformed);
                hashes.add(toBits(transformed));
            }
        }
        return new PdqResult(quality, hashes);
    }

    /**
     * Hashes the image as it stands, without its rotations and flips: the same hash and quality as
     * {@link #hash}'s first, for an eighth of the bit work (a video's frames, one after another, need no more).
     */
    public Upright hashUpright(LumaImage image) {
        float[] grid = blurAndSample(image);
        return new Upright(toBits(dct(grid)), quality(grid));
    }

    /** An image's PDQ hash and its quality (0 to 100). */
    public record Upright(PdqHash hash, int quality) {
    }

    // ---- blur and sample -------------------------------------------------------------------

    private static float[] blurAndSample(LumaImage image) {
        return JaroszFilter.blurAndSample(image, GRID, windowSize(image.width()), windowSize(image.height()));
    }

    static int windowSize(int side) {
        return (side + WINDOW_DIVISOR - 1) / WINDOW_DIVISOR;
    }

    // ---- quality ---------------------------------------------------------------------------

    /*
     * Sum of absolute differences between neighbours of the 64x64 grid, each as a whole percentage
     * of the luma range (truncated, so that faint gradients count for nothing).
     */
    private static int quality(float[] grid) {
        int gradients = 0;
        for (int i = 0; i < GRID - 1; i++) {
            for (int j = 0; j < GRID; j++) {
                gradients += percentStep(grid[i * GRID + j], grid[(i + 1) * GRID + j]);
            }
        }
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID - 1; j++) {
                gradients += percentStep(grid[i * GRID + j], grid[i * GRID + j + 1]);
            }
        }
        return Math.min(gradients / QUALITY_SCALE, MAX_QUALITY);
    }

    private static int percentStep(float u, float v) {
        return Math.abs((int) (((u - v) * 100) / 255));
    }

    // ---- DCT and bits ----------------------------------------------------------------------

    private static float[] dctBasis() {
        float scale = (float) Math.sqrt(2.0 / GRID);
        float[] basis = new float[BLOCK * GRID];
        for (int i = 0; i < BLOCK; i++) {
            for (int j = 0; j < GRID; j++) {
                basis[i * GRID + j] = (float) (scale * Math.cos((Math.PI / 2 / GRID) * (i + 1) * (2 * j + 1)));
            }
        }
        return basis;
    }

    /** B = D A D^T for the 16x64 basis D; every sum runs over k = 0..63 in order, from 0. */
    private static float[] dct(float[] grid) {
        float[] t = new float[BLOCK * GRID]; // T = D A, 16x64
        for (int i = 0; i < BLOCK; i++) {
            for (int k = 0; k < GRID; k++) {
                float d = DCT[i * GRID + k];
                int tRow = i * GRID;
                int aRow = k * GRID;
                for (int j = 0; j < GRID; j++) {
                    t[tRow + j] += d * grid[aRow + j];
                }
            }
        }
        float[] b = new float[BLOCK * BLOCK]; // B = T D^T, 16x16
        for (int i = 0; i < BLOCK; i++) {
            for (int j = 0; j < BLOCK; j++) {
                float sum = 0f;
                for (int k = 0; k < GRID; k++) {
                    sum += t[i * GRID + k] * DCT[j * GRID + k];
                }
                b[i * BLOCK + j] = sum;
            }
        }
        return b;
    }

    /*
     * The threshold is the 128th smallest of the 256 coefficients (the lower median), which is the
     * value Torben's selection algorithm in the reference returns. A bit is set where a coefficient
     * is strictly greater.
     */
    private static PdqHash toBits(float[] coefficients) {
        float median = smallest(coefficients.clone(), coefficients.length / 2 - 1);
        boolean[] bits = new boolean[PdqHash.BITS];
        for (int k = 0; k < bits.length; k++) {
            bits[k] = coefficients[k] > median;
        }
        return PdqHash.fromBits(bits);
    }

    /**
     * The {@code rank}-th smallest value (from 0), by quickselect; {@code values} is reordered. A sort would
     * do, but in a short run (one video's frames) the JIT compiled {@code Arrays.sort}'s insertion sort five
     * times over, each on the core FFmpeg decodes on; this loop is compiled once. Values must be finite.
     */
    static float smallest(float[] values, int rank) {
        int low = 0;
        int high = values.length - 1;
        while (low < high) {
            float pivot = values[(low + high) >>> 1];
            int i = low;
            int j = high;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    float swap = values[i];
                    values[i] = values[j];
                    values[j] = swap;
                    i++;
                    j--;
                }
            }
            // now values[low..j] <= pivot <= values[i..high], and anything between equals the pivot
            if (rank <= j) {
                high = j;
            } else if (rank >= i) {
                low = i;
            } else {
                return values[rank];
            }
        }
        return values[rank];
    }
}
