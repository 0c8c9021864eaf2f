package org.ariadne.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SceneFeaturesTest {

    private static SceneFeatures three() {
        return SceneFeatures.of(7, 1000, 500, new int[] {3, 65535, 0}, new float[] {0, 500.25f, 999.9f},
                new float[] {10, 250, 499}, new float[] {0, 180, 359}, new float[] {31, 62, 500});
    }

    @Test
    void keepsPositionsToASixtyFiveThousandthOfASide() {
        SceneFeatures f = three();

        assertThat(f.count()).isEqualTo(3);
        assertThat(f.word(1)).isEqualTo(65535);
        assertThat(f.x(1)).isCloseTo(500.25f, within(1000f / 65535));
        assertThat(f.y(2)).isCloseTo(499f, within(500f / 65535));
        assertThat(f.angle(1)).isEqualTo(128); // half a turn
        assertThat(f.scale(1) - f.scale(0)).isEqualTo(SceneFeatures.SCALE_STEPS_PER_OCTAVE); // twice the size
    }

    @Test
    void survivesItsEncodingAndItsText() {
        SceneFeatures f = three();

        assertThat(SceneFeatures.decode(f.encode())).isEqualTo(f);
        assertThat(SceneFeatures.parse(f.text())).isEqualTo(f);
        assertThat(f.encode()).hasSize(15 + 3 * 8);
        assertThat(f.text()).matches("[0-9a-f]+");
    }

    @Test
    void refusesOtherVersionsAndDamagedValuesClearly() {
        byte[] good = three().encode();
        byte[] otherVersion = good.clone();
        otherVersion[0] = 2;
        assertThatThrownBy(() -> SceneFeatures.decode(otherVersion)).hasMessageContaining("version 2");
        assertThatThrownBy(() -> SceneFeatures.decode(Arrays.copyOf(good, good.length - 1))).hasMessageContaining("need");
        assertThatThrownBy(() -> SceneFeatures.decode(Arrays.copyOf(good, 5))).hasMessageContaining("truncated");
        assertThatThrownBy(() -> SceneFeatures.parse("zz")).hasMessageContaining("not hex");
        assertThatThrownBy(() -> SceneFeatures.of(1, 10, 10, new int[] {70000}, new float[] {1}, new float[] {1},
                new float[] {0}, new float[] {31})).hasMessageContaining("16 bits");
    }

    @Test
    void aRegionKeepsTheFeaturesInsideIt() {
        SceneFeatures inside = three().within(new Region(400, 200, 200, 100));

        assertThat(inside.count()).isEqualTo(1);
        assertThat(inside.word(0)).isEqualTo(65535);
        assertThat(inside.width()).as("positions stay in the picture's pixels").isEqualTo(1000);
        assertThatThrownBy(() -> three().within(new Region(900, 0, 200, 10))).hasMessageContaining("outside");
    }
}
