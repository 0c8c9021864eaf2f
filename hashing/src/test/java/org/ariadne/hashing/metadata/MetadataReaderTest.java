package org.ariadne.hashing.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import org.ariadne.media.TestImages;
import org.junit.jupiter.api.Test;

class MetadataReaderTest {

    private final MetadataReader reader = new MetadataReader();

    private static byte[] plainJpeg() throws Exception {
        return TestImages.encode(TestImages.pattern(64, 48, 1, BufferedImage.TYPE_INT_RGB), "jpeg");
    }

    @Test
    void readsEveryFieldFromExif() throws Exception {
        byte[] segment = ExifSegment.app1(
                new ExifSegment.Ifd()
                        .ascii(0x010F, "Synthetic Optics")          // Make
                        .ascii(0x0110, "Model T-100")               // Model
                        .shortValue(0x0112, 8)                      // Orientation
                        .ascii(0x0131, "Firmware 1.2.3"),           // Software
                new ExifSegment.Ifd()
                        .ascii(0x9003, "2021:05:03 14:22:10")       // DateTimeOriginal
                        .ascii(0x9011, "+02:00")                    // OffsetTimeOriginal
                        .ascii(0xA420, "0123456789abcdef0123456789abcdef") // ImageUniqueID
                        .ascii(0xA431, "BODY-000123")               // BodySerialNumber
                        .ascii(0xA435, "LENS-000456"),              // LensSerialNumber
                new ExifSegment.Ifd()
                        .ascii(0x0001, "S").rationals(0x0002, 33, 1, 52, 1, 1800, 100)    // 33 52' 18" S
                        .ascii(0x0003, "E").rationals(0x0004, 151, 1, 12, 1, 3600, 100)   // 151 12' 36" E
                        .byteValue(0x0005, 1).rationals(0x0006, 125, 10));                // 12.5 m below
        byte[] jpeg = ExifSegment.insertAfterSoi(plainJpeg(), segment);

        MediaMetadata m = reader.read(jpeg, jpeg.length);

        assertThat(m.cameraMake()).isEqualTo("Synthetic Optics");
        assertThat(m.cameraModel()).isEqualTo("Model T-100");
        assertThat(m.software()).isEqualTo("Firmware 1.2.3");
        assertThat(m.orientation()).isEqualTo(8);
        assertThat(m.dateTimeOriginal()).isEqualTo("2021-05-03T14:22:10+02:00");
        assertThat(m.imageUniqueId()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(m.bodySerialNumber()).isEqualTo("BODY-000123");
        assertThat(m.lensSerialNumber()).isEqualTo("LENS-000456");
        assertThat(m.gpsLatitude()).isCloseTo(-(33 + 52 / 60.0 + 18 / 3600.0), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(m.gpsLongitude()).isCloseTo(151 + 12 / 60.0 + 36 / 3600.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(m.gpsAltitude()).isEqualTo(-12.5);
    }

    @Test
    void xmpFillsWhatExifLacks() throws Exception {
        String xmp = "http://ns.adobe.com/xap/1.0/\0"
                + "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
                + "<rdf:Description rdf:about='' xmlns:tiff='http://ns.adobe.com/tiff/1.0/'"
                + " xmlns:aux='http://ns.adobe.com/exif/1.0/aux/' xmlns:exif='http://ns.adobe.com/exif/1.0/'"
                + " xmlns:xmp='http://ns.adobe.com/xap/1.0/'"
                + " tiff:Make='Synthetic Optics' tiff:Model='Model X' aux:SerialNumber='XMP-SERIAL-9'"
                + " aux:LensSerialNumber='XMP-LENS-7' exif:DateTimeOriginal='2020-01-02T03:04:05.67-05:00'"
                + " xmp:CreatorTool='Editor 9'/></rdf:RDF></x:xmpmeta>";
        byte[] payload = xmp.getBytes(StandardCharsets.UTF_8);
        byte[] segment = new byte[4 + payload.length];
        segment[0] = (byte) 0xFF;
        segment[1] = (byte) 0xE1;
        segment[2] = (byte) ((payload.length + 2) >> 8);
        segment[3] = (byte) (payload.length + 2);
        System.arraycopy(payload, 0, segment, 4, payload.length);
        byte[] jpeg = ExifSegment.insertAfterSoi(plainJpeg(), segment);

        MediaMetadata m = reader.read(jpeg, jpeg.length);

        assertThat(m.cameraMake()).isEqualTo("Synthetic Optics");
        assertThat(m.cameraModel()).isEqualTo("Model X");
        assertThat(m.bodySerialNumber()).isEqualTo("XMP-SERIAL-9");
        assertThat(m.lensSerialNumber()).isEqualTo("XMP-LENS-7");
        assertThat(m.dateTimeOriginal()).isEqualTo("2020-01-02T03:04:05-05:00");
        assertThat(m.software()).isEqualTo("Editor 9");
    }

    @Test
    void aFileWithoutMetadataOrWithGarbageGivesNothingAndNeverFails() throws Exception {
        byte[] plain = plainJpeg();
        assertThat(reader.read(plain, plain.length).cameraMake()).isNull();

        byte[] garbage = "MM\0*garbage that claims to be TIFF".getBytes(StandardCharsets.US_ASCII);
        assertThat(reader.read(garbage, garbage.length)).isEqualTo(MediaMetadata.NONE);

        byte[] brokenExif = ExifSegment.insertAfterSoi(plain,
                new byte[] {(byte) 0xFF, (byte) 0xE1, 0, 20, 'E', 'x', 'i', 'f', 0, 0, 'I', 'I', 42, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F, 1, 2, 3, 4});
        assertThat(reader.read(brokenExif, brokenExif.length)).isNotNull();
    }
}
