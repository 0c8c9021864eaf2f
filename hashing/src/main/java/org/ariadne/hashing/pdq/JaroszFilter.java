package org.ariadne.hashing.pdq;

import java.util.Arrays;
import org.ariadne.media.LumaImage;

/**
 * PDQ's blur (box filters along rows, then columns, twice) and its sampling at the centres of a 64x64
 * grid, in one streaming pass over the image.
 *
 * <p>Done plainly, each of the four filter passes reads and writes the whole image: memory-bound, about
 * four times the work of everything else. Here rows flow through a pipeline: a row filter, a column filter
 * that keeps only the last {@code window + 1} rows (it needs them to take rows out of its running sums),
 * a second row filter, a second column filter, and a sampler that keeps the 64 rows and 64 columns PDQ
 * reads. The working set stays in the processor's cache.
 *
 * <p>Every running sum is updated in the same order as in the reference implementation (add the entering
 * sample, then subtract the leaving one, divide by the samples covered), so results are identical to the
 * bit. Row filters work on blocks of rows so that their independent sums overlap in the processor.
 */
final class JaroszFilter {

    /** Rows filtered side by side: enough independent running sums to keep a core's adders busy. */
    private static final int ROW_BLOCK = 8;

    private JaroszFilter() {
    }

    /** The blurred image sampled at the centres of a {@code grid x grid} lattice, row-major. */
    static float[] blurAndSample(LumaImage image, int grid, int windowAlongRows, int windowAlongCols) {
        int cols = image.width();
        int rows = image.height();
        Sampler sampler = new Sampler(rows, cols, grid);
        ColumnBox secondColumns = new ColumnBox(cols, windowAlongCols, sampler);
        RowBox secondRows = new RowBox(cols, windowAlongRows, secondColumns);
        ColumnBox firstColumns = new ColumnBox(cols, windowAlongCols, secondRows);
        RowBox firstRows = new RowBox(cols, windowAlongRows, firstColumns);

        float[] pixels = image.pixels();
        for (int r = 0; r < rows; r++) {
            firstRows.accept(pixels, r * cols);
        }
        firstRows.flush();
        firstColumns.finish();
        secondRows.flush();
        secondColumns.finish();
        return sampler.grid;
    }

    /** A stage that takes image rows in order. */
    private interface RowSink {
        /** Row {@code cols} values long, from {@code offset}; the array may be reused once this returns. */
        void accept(float[] row, int offset);
    }

    /**
     * Output k of a box filter of width w averages inputs k - (half - 1) to k + (w - half), half =
     * (w + 2) / 2, clipped at both ends and divided by the number of inputs actually covered.
     */
    private static final class RowBox implements RowSink {
        private final int cols;
        private final int window;
        private final RowSink next;
        // A block of rows interleaved: sample j of row b at j * ROW_BLOCK + b, so that the inner loop over
        // the block's rows reads and writes consecutive floats (one vector register).
        private final float[] block;
        private final float[] filtered;
        private final float[] row;
        private final float[] sums = new float[ROW_BLOCK];
        private int buffered;

        RowBox(int cols, int window, RowSink next) {
            this.cols = cols;
            this.window = window;
            this.next = next;
            this.block = new float[cols * ROW_BLOCK];
            this.filtered = new float[cols * ROW_BLOCK];
            this.row = new float[cols];
        }

        @Override
        public void accept(float[] values, int offset) {
            int b = buffered++;
            for (int j = 0; j < cols; j++) {
                block[j * ROW_BLOCK + b] = values[offset + j];
            }
            if (buffered == ROW_BLOCK) {
                flush();
            }
        }

        void flush() {
            if (buffered == 0) {
                return;
            }
            filter(); // all lanes: the unused ones hold stale rows, filtered and dropped
            for (int b = 0; b < buffered; b++) {
                for (int j = 0; j < cols; j++) {
                    row[j] = filtered[j * ROW_BLOCK + b];
                }
                next.accept(row, 0);
            }
            buffered = 0;
        }

        private void filter() {
            int half = (window + 2) / 2;
            Arrays.fill(sums, 0f);
            int count = 0;
            int add = 0;
            int remove = 0;
            int write = 0;
            for (int i = 0; i < half - 1; i++, add += ROW_BLOCK) {
                count++;
                for (int b = 0; b < ROW_BLOCK; b++) {
                    sums[b] += block[add + b];
                }
            }
            for (int i = 0; i < window - half + 1; i++, add += ROW_BLOCK, write += ROW_BLOCK) {
                count++;
                for (int b = 0; b < ROW_BLOCK; b++) {
                    sums[b] += block[add + b];
                    filtered[write + b] = sums[b] / count;
                }
            }
            for (int i = 0; i < cols - window; i++, add += ROW_BLOCK, remove += ROW_BLOCK, write += ROW_BLOCK) {
                for (int b = 0; b < ROW_BLOCK; b++) {
                    float sum = sums[b] + block[add + b];
                    sum -= block[remove + b];
                    sums[b] = sum;
                    filtered[write + b] = sum / count;
                }
            }
            for (int i = 0; i < half - 1; i++, remove += ROW_BLOCK, write += ROW_BLOCK) {
                count--;
                for (int b = 0; b < ROW_BLOCK; b++) {
                    sums[b] -= block[remove + b];
                    filtered[write + b] = sums[b] / count;
                }
            }
        }
    }

    /**
     * The same filter down the columns, all columns at once, fed one row at a time. Row a enters the sums
     * when it arrives; from row {@code window} on, row {@code a - window} leaves them, so the last
     * {@code window + 1} rows are kept in a ring.
     */
    private static final class ColumnBox implements RowSink {
        private final int cols;
        private final int window;
        private final int half;
        private final RowSink next;
        private final float[][] ring;
        private final float[] sums;
        private final float[] out;
        private int added;
        private int removed;
        private int count;

        ColumnBox(int cols, int window, RowSink next) {
            this.cols = cols;
            this.window = window;
            this.half = (window + 2) / 2;
            this.next = next;
            this.ring = new float[window + 1][cols];
            this.sums = new float[cols];
            this.out = new float[cols];
        }

        @Override
        public void accept(float[] row, int offset) {
            int a = added++;
            if (a < window) {
                count++;
                for (int j = 0; j < cols; j++) {
                    sums[j] += row[offset + j];
                }
            } else {
                float[] leaving = ring[removed++ % (window + 1)];
                for (int j = 0; j < cols; j++) {
                    float sum = sums[j] + row[offset + j];
                    sum -= leaving[j];
                    sums[j] = sum;
                }
            }
            System.arraycopy(row, offset, ring[a % (window + 1)], 0, cols);
            if (a >= half - 1) {
                emit();
            }
        }

        /** After the last row: the outputs whose windows run past the bottom edge. */
        void finish() {
            for (int i = 0; i < half - 1; i++) {
                float[] leaving = ring[removed++ % (window + 1)];
                count--;
                for (int j = 0; j < cols; j++) {
                    sums[j] -= leaving[j];
                }
                emit();
            }
        }

        private void emit() {
            for (int j = 0; j < cols; j++) {
                out[j] = sums[j] / count;
            }
            next.accept(out, 0);
        }
    }

    /** Keeps the blurred values at the centres of the grid's cells ("target centres, not corners"). */
    private static final class Sampler implements RowSink {
        private final float[] grid;
        private final int size;
        private final int[] sampleRows;
        private final int[] sampleCols;
        private int row;

        Sampler(int rows, int cols, int size) {
            this.size = size;
            this.grid = new float[size * size];
            this.sampleRows = new int[size];
            this.sampleCols = new int[size];
            for (int i = 0; i < size; i++) {
                sampleRows[i] = (int) (((i + 0.5) * rows) / size);
                sampleCols[i] = (int) (((i + 0.5) * cols) / size);
            }
        }

        @Override
        public void accept(float[] values, int offset) {
            for (int i = 0; i < size; i++) { // several grid rows share an image row when it has fewer than 64
                if (sampleRows[i] == row) {
                    for (int j = 0; j < size; j++) {
                        grid[i * size + j] = values[offset + sampleCols[j]];
                    }
                }
            }
            row++;
        }
    }
}
