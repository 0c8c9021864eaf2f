package org.ariadne.hashing.pdq;

/**
 * The eight rotations and flips of a picture, in the order the PDQ reference lists them.
 *
 * <p>PDQ's DCT basis is symmetric, so each transformation of the picture is a transposition of
 * the 16x16 coefficient block and a change of sign of the odd-frequency rows or columns. That is
 * how all eight hashes come from one pass over the pixels.
 */
public enum Dihedral {
    ORIGINAL(false, false, false),
    ROTATE_90(true, true, false),
    ROTATE_180(false, true, true),
    ROTATE_270(true, false, true),
    FLIP_X(false, false, true),
    FLIP_Y(false, true, false),
    FLIP_PLUS_1(true, false, false),
    FLIP_MINUS_1(true, true, true);

    private final boolean transposes;
    private final boolean negatesEvenColumns;
    private final boolean negatesEvenRows;

    /*
     * Row i and column j of the block hold frequencies i + 1 and j + 1. Mirroring the picture
     * along an axis changes the sign of the odd frequencies along it: the even indices here.
     */
    Dihedral(boolean transposes, boolean negatesEvenColumns, boolean negatesEvenRows) {
        this.transposes = transposes;
        this.negatesEvenColumns = negatesEvenColumns;
        this.negatesEvenRows = negatesEvenRows;
    }

    /** Writes the coefficients of the transformed picture, given those of the original (16x16, row-major). */
    void transform(float[] original, float[] out) {
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                boolean negate = (negatesEvenColumns && (j & 1) == 0) ^ (negatesEvenRows && (i & 1) == 0);
                float v = original[i * 16 + j];
                out[transposes ? j * 16 + i : i * 16 + j] = negate ? -v : v;
            }
        }
    }
}
