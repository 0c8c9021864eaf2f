package org.ariadne.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrientationTest {

    // A 3x2 image with distinct values:  1 2 3 / 4 5 6
    private final LumaImage stored = new LumaImage(3, 2, new float[] {1, 2, 3, 4, 5, 6});

    @Test
    void eachOrientationTurnsThePictureUpright() {
        assertThat(Orientation.NORMAL.upright(stored).toFloats()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(Orientation.MIRROR_HORIZONTAL.upright(stored).toFloats()).containsExactly(3, 2, 1, 6, 5, 4);
        assertThat(Orientation.ROTATE_180.upright(stored).toFloats()).containsExactly(6, 5, 4, 3, 2, 1);
        assertThat(Orientation.MIRROR_VERTICAL.upright(stored).toFloats()).containsExactly(4, 5, 6, 1, 2, 3);
        assertThat(Orientation.TRANSPOSE.upright(stored).toFloats()).containsExactly(1, 4, 2, 5, 3, 6);
        assertThat(Orientation.ROTATE_90_CW.upright(stored).toFloats()).containsExactly(4, 1, 5, 2, 6, 3);
        assertThat(Orientation.TRANSVERSE.upright(stored).toFloats()).containsExactly(6, 3, 5, 2, 4, 1);
        assertThat(Orientation.ROTATE_270_CW.upright(stored).toFloats()).containsExactly(3, 6, 2, 5, 1, 4);
    }

    @Test
    void quarterTurnsSwapTheSides() {
        LumaImage turned = Orientation.ROTATE_90_CW.upright(stored);
        assertThat(turned.width()).isEqualTo(2);
        assertThat(turned.height()).isEqualTo(3);
    }

    @Test
    void outOfRangeTagValuesMeanNormal() {
        assertThat(Orientation.fromExif(0)).isEqualTo(Orientation.NORMAL);
        assertThat(Orientation.fromExif(9)).isEqualTo(Orientation.NORMAL);
        assertThat(Orientation.fromExif(6)).isEqualTo(Orientation.ROTATE_90_CW);
    }
}
