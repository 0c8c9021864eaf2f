package org.ariadne.hashing.vpdq;

import org.ariadne.media.LumaImage;

/**
 * Finds the black bars of a letterboxed (top and bottom) or pillarboxed (left and right) frame, so that
 * the picture inside is hashed alone. A video with bars then hashes like its version without them;
 * the reference vPDQ, which hashes the bars too, does not match the two.
 *
 * <p>Each frame is judged alone, so that nothing is held in memory, and conservatively: bars come in
 * pairs of about the same size on opposite sides, as letterboxing makes them, which a dark scene
 * seldom imitates; a frame dark all over is left whole.
 */
final class BlackBars {

    /**
     * A line of a bar is black on average: at most 20 of 255. Black is 0 after FFmpeg's conversion to
     * full-range grey, a few more after lossy coding.
     */
    static final int MAX_BAR_MEAN = 20;

    /** ... and nowhere bright: a dark picture's highlights (at most 48) keep a line out of the bar. */
    static final int MAX_BAR_PIXEL = 48;

    /** Bars narrower than 2 % of the side are not worth a crop (and may be coding noise at the edge). */
    static final double MIN_BAR_SHARE = 0.02;

    /** The picture left must keep at least a quarter of each side: less is a fade or a dark scene. */
    static final double MIN_PICTURE_SHARE = 0.25;

    /**
     * Opposite bars may differ by this share of the side plus {@link #BAR_SLACK_PIXELS}: encoders round
     * the picture's size, and coding blurs the picture's first line into the bar.
     */
    static final double MAX_BAR_IMBALANCE = 0.02;
    static final int BAR_SLACK_PIXELS = 4;

    private BlackBars() {
    }

    /** The frame without its black bars, or the frame itself when it has none. */
    static LumaImage crop(LumaImage frame) {
        int width = frame.width();
        int height = frame.height();
        int top = 0;
        int bottom = 0;
        int left = 0;
        int right = 0;
        int rowsTop = barLines(frame, true, false);
        int rowsBottom = barLines(frame, true, true);
        if (isPair(rowsTop, rowsBottom, height)) {
            top = rowsTop;
            bottom = rowsBottom;
        }
        int columnsLeft = barLines(frame, false, false);
        int columnsRight = barLines(frame, false, true);
        if (isPair(columnsLeft, columnsRight, width)) {
            left = columnsLeft;
            right = columnsRight;
        }
        if (top + bottom + left + right == 0) {
            return frame;
        }
        return frame.cropped(left, top, width - left - right, height - top - bottom);
    }

    private static boolean isPair(int one, int other, int side) {
        int minBar = (int) Math.ceil(side * MIN_BAR_SHARE);
        return one >= minBar && other >= minBar
                && side - one - other >= side * MIN_PICTURE_SHARE
                && Math.abs(one - other) <= side * MAX_BAR_IMBALANCE + BAR_SLACK_PIXELS;
    }

    /** How many black lines (rows or columns) the frame has in from one edge. */
    private static int barLines(LumaImage frame, boolean rows, boolean fromEnd) {
        int lines = rows ? frame.height() : frame.width();
        int length = rows ? frame.width() : frame.height();
        for (int n = 0; n < lines; n++) {
            int line = fromEnd ? lines - 1 - n : n;
            long sum = 0;
            for (int i = 0; i < length; i++) {
                float v = rows ? frame.at(i, line) : frame.at(line, i);
                if (v > MAX_BAR_PIXEL) {
                    return n;
                }
                sum += (long) v;
            }
            if (sum > (long) MAX_BAR_MEAN * length) {
                return n;
            }
        }
        return lines;
    }
}
