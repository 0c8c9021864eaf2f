package org.ariadne.media;

/**
 * The eight EXIF orientations: how the stored pixels must be turned to show the picture upright.
 *
 * <p>The EXIF tag value (1 to 8) is stable and is what Ariadne reports. {@link #upright} applies the
 * transformation, so that a photo hashes the same whether the camera rotated the pixels or only
 * wrote the tag.
 */
public enum Orientation {
    /** 1: stored upright. */
    NORMAL(1),
    /** 2: mirrored left to right. */
    MIRROR_HORIZONTAL(2),
    /** 3: upside down. */
    ROTATE_180(3),
    /** 4: mirrored top to bottom. */
    MIRROR_VERTICAL(4),
    /** 5: mirrored along the top-left to bottom-right diagonal. */
    TRANSPOSE(5),
    /** 6: stored turned a quarter anticlockwise; shown after turning 90 degrees clockwise. */
    ROTATE_90_CW(6),
    /** 7: mirrored along the top-right to bottom-left diagonal. */
    TRANSVERSE(7),
    /** 8: stored turned a quarter clockwise; shown after turning 90 degrees anticlockwise. */
    ROTATE_270_CW(8);

    private final int exifValue;

    Orientation(int exifValue) {
        this.exifValue = exifValue;
    }

    public int exifValue() {
        return exifValue;
    }

    /** The orientation for an EXIF tag value; values outside 1 to 8 (seen in the wild) mean {@link #NORMAL}. */
    public static Orientation fromExif(int value) {
        for (Orientation o : values()) {
            if (o.exifValue == value) {
                return o;
            }
        }
        return NORMAL;
    }

    /** Whether showing the image upright swaps its width and height. */
    public boolean swapsSides() {
        return exifValue >= 5;
    }

    /** Returns the image as it is meant to be seen. */
    public LumaImage upright(LumaImage stored) {
        if (this == NORMAL) {
            return stored;
        }
        int w = stored.width();
        int h = stored.height();
        int outW = swapsSides() ? h : w;
        int outH = swapsSides() ? w : h;
        int[] targets = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int target = switch (this) {
                    case NORMAL -> y * outW + x;
                    case MIRROR_HORIZONTAL -> y * outW + (w - 1 - x);
                    case ROTATE_180 -> (h - 1 - y) * outW + (w - 1 - x);
                    case MIRROR_VERTICAL -> (h - 1 - y) * outW + x;
                    case TRANSPOSE -> x * outW + y;
                    case ROTATE_90_CW -> x * outW + (h - 1 - y);
                    case TRANSVERSE -> (w - 1 - x) * outW + (h - 1 - y);
                    case ROTATE_270_CW -> (w - 1 - x) * outW + y;
                };
                targets[y * w + x] = target;
            }
        }
        return stored.rearranged(outW, outH, targets);
    }
}
