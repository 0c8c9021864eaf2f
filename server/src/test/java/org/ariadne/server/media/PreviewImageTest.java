package org.ariadne.server.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.ariadne.media.LumaImage;
import org.junit.jupiter.api.Test;

class PreviewImageTest {

    @Test
    void shrinksToTheLongerSideAndAveragesWhatEachPixelCovers() throws IOException {
        // left half black, right half white: the thumbnail keeps the edge, grey only where it straddles it
        int width = 1000;
        int height = 500;
        float[] luma = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = width / 2; x < width; x++) {
                luma[y * width + x] = 255;
            }
        }
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(
                PreviewImage.jpeg(new LumaImage(width, height, luma), 320)));

        assertThat(thumbnail.getWidth()).isEqualTo(320);
        assertThat(thumbnail.getHeight()).isEqualTo(160);
        assertThat(thumbnail.getRaster().getSample(20, 80, 0)).isLessThan(10);
        assertThat(thumbnail.getRaster().getSample(300, 80, 0)).isGreaterThan(245);
    }

    @Test
    void neverEnlarges() throws IOException {
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(
                PreviewImage.jpeg(new LumaImage(40, 30, new float[40 * 30]), 320)));

        assertThat(thumbnail.getWidth()).isEqualTo(40);
        assertThat(thumbnail.getHeight()).isEqualTo(30);
    }
}
