package org.ariadne.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MediaFormatTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "ffd8ffe0, JPEG", "89504e470d0a1a0a, PNG", "474946383961, GIF", "52494646000000005745425056503820, WEBP",
        "49492a00, TIFF", "4d4d002a, TIFF", "424d000000000000000000000000280000000000, BMP",
        "0000001866747970686569630000, HEIC", "0000001866747970617669660000, AVIF", "000000186674797069736f6d0000, MP4",
        "00000014667479707174202000000000, QUICKTIME", "0000001466747970336770350000, THREE_GP",
        "52494646000000004156492000000000, AVI", "1a45dfa3, MATROSKA", "3026b2758e66cf11, WMV", "464c5601, FLV",
        "424d2068656c6c6f20776f726c6421212121, UNKNOWN", "68656c6c6f, UNKNOWN",
    })
    void recognisesFormatsByContent(String hex, MediaFormat expected) {
        byte[] head = java.util.HexFormat.of().parseHex(hex);
        assertThat(MediaFormat.sniff(head, head.length)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"''", "ÿ", "GIF8"})
    void shortInputIsUnknownNotAnError(String text) {
        byte[] head = text.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(MediaFormat.sniff(head, head.length)).isEqualTo(MediaFormat.UNKNOWN);
    }
}
