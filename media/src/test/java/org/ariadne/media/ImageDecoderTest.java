package org.ariadne.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageDecoderTest {

    private final ImageDecoder decoder = new ImageDecoder();

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
        "png, RGB", "png, ARGB", "png, PALETTE", "png, GREY16",
        "jpeg, RGB", "jpeg, GREY", "gif, PALETTE", "bmp, RGB", "tiff, RGB",
    })
    void decodesEveryFormatAndPixelLayout(String format, Layout layout) throws Exception {
        BufferedImage source = TestImages.pattern(321, 203, 42, layout.type);
        byte[] file = TestImages.encode(source, format);

        DecodedImage image = decoder.decode(file, file.length, Orientation.NORMAL);

        assertThat(image.format().name().toLowerCase()).startsWith(format.substring(0, 3));
        assertThat(image.width()).isEqualTo(321);
        assertThat(image.height()).isEqualTo(203);
        assertThat(image.luma().width()).isEqualTo(321);
        assertThat(meanAbsoluteDifference(image.luma(), lumaOf(source))).isLessThan(format.equals("jpeg") ? 6.0 : 1.0);
    }

    @Test
    void decodesProgressiveJpeg() throws Exception {
        BufferedImage source = TestImages.pattern(640, 480, 3, BufferedImage.TYPE_INT_RGB);
        byte[] file = TestImages.progressiveJpeg(source);

        DecodedImage image = decoder.decode(file, file.length, Orientation.NORMAL);

        assertThat(image.width()).isEqualTo(640);
        assertThat(meanAbsoluteDifference(image.luma(), lumaOf(source))).isLessThan(6.0);
    }

    @Test
    void largeJpegsAreDecodedAtAReducedScale() throws Exception {
        BufferedImage source = TestImages.pattern(4200, 2200, 5, BufferedImage.TYPE_INT_RGB);
        byte[] file = TestImages.encode(source, "jpeg");

        DecodedImage image = decoder.decode(file, file.length, Orientation.NORMAL);

        assertThat(image.width()).isEqualTo(4200);
        assertThat(image.reduction()).isEqualTo(2); // 2200 / 2 = 1100 >= 1024; / 4 would be 550
        assertThat(image.luma().width()).isEqualTo(2100);
        assertThat(image.luma().height()).isEqualTo(1100);
    }

    @Test
    void photosOfAFewMegapixelsAreDecodedWhole() throws Exception {
        // Halving a 1-megapixel photo moves its PDQ hash by about 8 bits: not worth the time saved.
        BufferedImage source = TestImages.pattern(3000, 2000, 6, BufferedImage.TYPE_INT_RGB);
        byte[] file = TestImages.encode(source, "jpeg");

        DecodedImage image = decoder.decode(file, file.length, Orientation.NORMAL);

        assertThat(image.reduction()).isEqualTo(1); // 2000 / 2 = 1000 < 1024
        assertThat(image.luma().width()).isEqualTo(3000);
    }

    @Test
    void refusesADecompressionBombFromItsHeader() throws Exception {
        byte[] bomb = TestImages.pngBomb(60_000, 60_000);
        assertThat(bomb.length).isLessThan(10_000);

        assertThatThrownBy(() -> decoder.decode(bomb, bomb.length, Orientation.NORMAL))
                .isInstanceOf(UndecodableMediaException.class)
                .hasMessageContaining("image too large: 60000x60000")
                .hasMessageContaining("limit of 150 megapixels");
    }

    @Test
    void theLimitIsConfigurable() throws Exception {
        byte[] file = TestImages.encode(TestImages.pattern(400, 300, 1, BufferedImage.TYPE_INT_RGB), "jpeg");
        ImageDecoder strict = new ImageDecoder(new DecodeLimits(100_000));

        assertThatThrownBy(() -> strict.decode(file, file.length, Orientation.NORMAL))
                .hasMessageContaining("image too large: 400x300");
    }

    @Test
    void refusesAJpegDeclaringHugeDimensions() throws Exception {
        byte[] file = TestImages.encode(TestImages.pattern(64, 64, 1, BufferedImage.TYPE_INT_RGB), "jpeg");
        for (int i = 2; i + 9 < file.length; i++) { // rewrite the SOF0 size to 65000x65000
            if ((file[i] & 0xff) == 0xFF && (file[i + 1] & 0xff) == 0xC0) {
                file[i + 5] = file[i + 7] = (byte) 0xFD;
                file[i + 6] = file[i + 8] = (byte) 0xE8;
                break;
            }
        }
        byte[] bomb = file;
        assertThatThrownBy(() -> decoder.decode(bomb, bomb.length, Orientation.NORMAL)).hasMessageContaining("image too large: 65000x65000");
    }

    @Test
    void truncatedFilesAreReportedNotHashedAsWhole() throws Exception {
        byte[] jpeg = TestImages.encode(TestImages.pattern(300, 300, 9, BufferedImage.TYPE_INT_RGB), "jpeg");
        byte[] png = TestImages.encode(TestImages.pattern(300, 300, 9, BufferedImage.TYPE_INT_RGB), "png");

        assertThatThrownBy(() -> decoder.decode(jpeg, jpeg.length / 2, Orientation.NORMAL)).hasMessageStartingWith("truncated JPEG");
        assertThatThrownBy(() -> decoder.decode(jpeg, 40, Orientation.NORMAL)).hasMessageContaining("JPEG");
        assertThatThrownBy(() -> decoder.decode(png, png.length / 2, Orientation.NORMAL)).isInstanceOf(UndecodableMediaException.class).hasMessageContaining("PNG");
    }

    @Test
    void refusesTextEmptyFilesAndUnsupportedFormatsWithAClearMessage() {
        byte[] text = "this is a text file named photo.jpg\n".getBytes(StandardCharsets.US_ASCII);
        byte[] heic = Arrays.copyOf(new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c'}, 64);
        byte[] mp4 = Arrays.copyOf(new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'}, 64);

        assertThatThrownBy(() -> decoder.decode(text, text.length, Orientation.NORMAL)).hasMessage("not a supported image: unrecognised content");
        assertThatThrownBy(() -> decoder.decode(new byte[0], 0, Orientation.NORMAL)).hasMessage("empty file");
        assertThatThrownBy(() -> decoder.decode(heic, heic.length, Orientation.NORMAL)).hasMessageStartingWith("unsupported format: HEIC");
        assertThatThrownBy(() -> decoder.decode(mp4, mp4.length, Orientation.NORMAL)).hasMessageContaining("video/mp4");
    }

    @Test
    void corruptBytesInsideAnImageNeverEscapeAsAnythingButUndecodable() throws Exception {
        byte[] png = TestImages.encode(TestImages.pattern(200, 200, 11, BufferedImage.TYPE_INT_RGB), "png");
        byte[] gif = TestImages.encode(TestImages.pattern(200, 200, 11, BufferedImage.TYPE_BYTE_INDEXED), "gif");
        java.util.Random random = new java.util.Random(1234);
        for (byte[] original : new byte[][] {png, gif}) {
            for (int trial = 0; trial < 40; trial++) {
                byte[] damaged = original.clone();
                for (int i = 0; i < 20; i++) {
                    damaged[16 + random.nextInt(damaged.length - 16)] = (byte) random.nextInt(256);
                }
                try {
                    decoder.decode(damaged, damaged.length, Orientation.NORMAL);
                } catch (UndecodableMediaException expected) {
                    assertThat(expected.getMessage()).isNotBlank();
                }
            }
        }
    }

    @Test
    void orientationIsAppliedToTheLuma() throws Exception {
        BufferedImage source = TestImages.pattern(300, 200, 4, BufferedImage.TYPE_INT_RGB);
        byte[] png = TestImages.encode(source, "png");

        DecodedImage turned = decoder.decode(png, png.length, Orientation.ROTATE_90_CW);

        assertThat(turned.width()).isEqualTo(300); // as stored
        assertThat(turned.luma().width()).isEqualTo(200);
        assertThat(turned.luma().height()).isEqualTo(300);
        LumaImage stored = lumaOf(source);
        // Turning clockwise puts the stored bottom-left pixel at the top left.
        assertThat(turned.luma().at(0, 0)).isEqualTo(stored.at(0, 199));
    }

    enum Layout {
        RGB(BufferedImage.TYPE_INT_RGB), ARGB(BufferedImage.TYPE_INT_ARGB), PALETTE(BufferedImage.TYPE_BYTE_INDEXED),
        GREY(BufferedImage.TYPE_BYTE_GRAY), GREY16(BufferedImage.TYPE_USHORT_GRAY);

        final int type;

        Layout(int type) {
            this.type = type;
        }
    }

    /**
     * The luma the file should decode to. For grey that is the stored samples, scaled to 0-255:
     * getRGB would convert them from linear grey to sRGB, which no decoder of the written file does.
     */
    static LumaImage lumaOf(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY || image.getType() == BufferedImage.TYPE_USHORT_GRAY) {
            int[] samples = image.getRaster().getSamples(0, 0, w, h, 0, (int[]) null);
            float max = image.getType() == BufferedImage.TYPE_BYTE_GRAY ? 255f : 65535f;
            float[] luma = new float[samples.length];
            for (int i = 0; i < samples.length; i++) {
                luma[i] = samples[i] * (255f / max);
            }
            return new LumaImage(w, h, luma);
        }
        return LumaImage.fromArgb(w, h, image.getRGB(0, 0, w, h, null, 0, w));
    }

    static double meanAbsoluteDifference(LumaImage a, LumaImage b) {
        double sum = 0;
        float[] pa = a.toFloats();
        float[] pb = b.toFloats();
        for (int i = 0; i < pa.length; i++) {
            sum += Math.abs(pa[i] - pb[i]);
        }
        return sum / pa.length;
    }
}
