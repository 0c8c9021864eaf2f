package org.ariadne.hashing.vpdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ariadne.media.LumaImage;
import org.junit.jupiter.api.Test;

class BlackBarsTest {

    @Test
    void cropsPillarboxBars() {
        LumaImage frame = picture(480, 720, 32, 0, 32, 0);

        LumaImage cropped = BlackBars.crop(frame);

        assertThat(cropped.width()).isEqualTo(416);
        assertThat(cropped.height()).isEqualTo(720);
        assertThat(cropped.at(0, 0)).isEqualTo(frame.at(32, 0));
    }

    @Test
    void cropsLetterboxBarsOfSlightlyDifferentHeights() {
        LumaImage cropped = BlackBars.crop(picture(1280, 720, 0, 90, 0, 92));

        assertThat(cropped.width()).isEqualTo(1280);
        assertThat(cropped.height()).isEqualTo(720 - 90 - 92);
    }

    @Test
    void leavesAFrameWithoutBarsWhole() {
        LumaImage frame = picture(320, 240, 0, 0, 0, 0);

        assertThat(BlackBars.crop(frame)).isSameAs(frame);
    }

    @Test
    void leavesADarkAreaOnOneSideAlone() {
        // A dark wall on the left of a scene is not a bar: there is none on the right to pair with it.
        LumaImage frame = picture(320, 240, 60, 0, 0, 0);

        assertThat(BlackBars.crop(frame)).isSameAs(frame);
    }

    @Test
    void leavesAFrameThatIsDarkAllOverWhole() {
        LumaImage black = LumaImage.fromGrey(64, 48, new byte[64 * 48], 64);

        assertThat(BlackBars.crop(black)).isSameAs(black);
    }

    @Test
    void withBarsCroppedABarredVideoMatchesItsVersionWithoutAndNothingNewAcrossContent() {
        Map<String, VpdqHash> cropped = ReferenceVideos.allOurs(VpdqHasher.Bars.CROP);
        List<String> pairs = VpdqReferenceTest.matchingPairs(cropped);

        // The reference, bars kept, matches neither pair.
        assertThat(VpdqReferenceTest.matchingPairs(ReferenceVideos.references()))
                .doesNotContain("pattern-hd-no-bar ~ pattern-sd-grey-bar", "pattern-longer-no-bar ~ pattern-sd-grey-bar");
        assertThat(pairs).contains("pattern-hd-no-bar ~ pattern-sd-grey-bar", "pattern-longer-no-bar ~ pattern-sd-grey-bar",
                "pattern-hd-no-bar ~ pattern-sd-with-small-logo-bar");
        VpdqReferenceTest.assertPublishedDecisions(cropped); // which also finds no match across content
    }

    /** A seeded noisy picture (luma 60 to 250) inside black bars of the given widths (a little coding noise in them). */
    private static LumaImage picture(int width, int height, int left, int top, int right, int bottom) {
        Random random = new Random(width * 31L + height);
        byte[] grey = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean bar = x < left || x >= width - right || y < top || y >= height - bottom;
                grey[y * width + x] = (byte) (bar ? random.nextInt(6) : 60 + random.nextInt(191));
            }
        }
        return LumaImage.fromGrey(width, height, grey, width);
    }

}
