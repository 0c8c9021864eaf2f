package org.ariadne.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.ariadne.media.LumaImage;
import org.junit.jupiter.api.Test;

class ThumbnailsTest {

    /** A 1600 x 900 picture whose grey rises from left to right: 0 at the left edge, 255 at the right. */
    private static LumaImage gradient() {
        int w = 1600;
        int h = 900;
        float[] luma = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                luma[y * w + x] = 255f * x / (w - 1);
            }
        }
        return new LumaImage(w, h, luma);
    }

    @Test
    void reducesTheLongerSideTo160KeepingTheShapeAndTheGreyOfEachArea() {
        Thumbnails.Reduced reduced = Thumbnails.reduce(gradient());

        assertThat(reduced.width()).isEqualTo(160);
        assertThat(reduced.height()).isEqualTo(90);
        for (int tx = 0; tx < 160; tx++) {
            double areaMean = 255.0 * ((tx + 0.5) * 10 - 0.5) / 1599; // the mean grey of the ten columns it stands for
            for (int ty = 0; ty < 90; ty += 30) {
                assertThat((double) (reduced.grey()[ty * 160 + tx] & 0xff)).as("pixel %d,%d", tx, ty)
                        .isCloseTo(areaMean, offset(1.5));
            }
        }
    }

    @Test
    void aSmallPictureKeepsItsSize() {
        LumaImage small = new LumaImage(40, 30, new float[40 * 30]);
        Thumbnails.Reduced reduced = Thumbnails.reduce(small);
        assertThat(reduced.width()).isEqualTo(40);
        assertThat(reduced.height()).isEqualTo(30);
    }

    @Test
    void encodesAGreyJpegOfTheThumbnailsSize() throws IOException {
        byte[] jpeg = Thumbnails.jpeg(Thumbnails.reduce(gradient()));

        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(decoded.getWidth()).isEqualTo(160);
        assertThat(decoded.getHeight()).isEqualTo(90);
        assertThat(decoded.getRaster().getNumBands()).isEqualTo(1);
        assertThat(decoded.getRaster().getSample(0, 45, 0)).isLessThan(20);
        assertThat(decoded.getRaster().getSample(159, 45, 0)).isGreaterThan(235);
    }
}
