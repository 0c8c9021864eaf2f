package org.ariadne.hashing.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.ariadne.hashing.ByteSignalType;
import org.ariadne.hashing.SignalTypes;
import org.junit.jupiter.api.Test;

class CryptoSignalTypeTest {

    // Published test vectors: "" and "abc" (RFC 1321 for MD5, FIPS 180 examples for SHA-1 and SHA-256).
    static final List<String> MD5_VECTORS = List.of("d41d8cd98f00b204e9800998ecf8427e", "900150983cd24fb0d6963f7d28e17f72");
    static final List<String> SHA1_VECTORS = List.of("da39a3ee5e6b4b0d3255bfef95601890afd80709", "a9993e364706816aba3e25717850c26c9cd0d89d");
    static final List<String> SHA256_VECTORS = List.of("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    /** FIPS 180 two-block message, and its SHA-256 digest. */
    private static final String TWO_BLOCKS = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    private static final String TWO_BLOCKS_SHA256 = "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";

    @Test
    void digestsGiveThePublishedVectors() {
        assertThat(digest("md5", "")).isEqualTo(MD5_VECTORS.get(0));
        assertThat(digest("md5", "abc")).isEqualTo(MD5_VECTORS.get(1));
        assertThat(digest("sha1", "")).isEqualTo(SHA1_VECTORS.get(0));
        assertThat(digest("sha1", "abc")).isEqualTo(SHA1_VECTORS.get(1));
        assertThat(digest("sha256", "")).isEqualTo(SHA256_VECTORS.get(0));
        assertThat(digest("sha256", "abc")).isEqualTo(SHA256_VECTORS.get(1));
        assertThat(digest("sha256", TWO_BLOCKS)).isEqualTo(TWO_BLOCKS_SHA256);
    }

    @Test
    void feedingInPiecesGivesTheSameDigestAsFeedingAtOnce() {
        byte[] data = new byte[200_003];
        new Random(7).nextBytes(data);
        for (ByteSignalType<?> type : SignalTypes.byteSignals()) {
            assertThat(inPieces(type, data, 4096)).as(type.name()).isEqualTo(inPieces(type, data, data.length));
            assertThat(inPieces(type, data, 1 + 65_536)).as(type.name()).isEqualTo(inPieces(type, data, data.length));
        }
    }

    @Test
    void theThreeCryptoHashesAreByteSignals() {
        assertThat(SignalTypes.byteSignals()).extracting(ByteSignalType::name).containsExactly("md5", "sha1", "sha256");
    }

    @Test
    void unknownNamesListWhatIsAvailable() {
        assertThatThrownBy(() -> SignalTypes.forName("photodna"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("photodna")
                .hasMessageContaining("md5, sha1, sha256, pdq");
    }

    @Test
    void typedLookupChecksTheValueType() {
        assertThat(SignalTypes.forName("sha1", CryptoHash.class).name()).isEqualTo("sha1");
        assertThatThrownBy(() -> SignalTypes.forName("pdq", CryptoHash.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesOfDifferentAlgorithmsAreNotEqual() {
        CryptoHash md5 = new CryptoHash(CryptoAlgorithm.MD5, MD5_VECTORS.get(1));
        assertThat(md5).isEqualTo(new CryptoHash(CryptoAlgorithm.MD5, MD5_VECTORS.get(1).toUpperCase()));
        assertThat(md5.bytes()).hasSize(16);
        assertThatThrownBy(() -> new CryptoSignalType.Sha1().format(md5)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String digest(String name, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return inPieces((ByteSignalType<?>) SignalTypes.forName(name), bytes, Math.max(1, bytes.length));
    }

    private static <V> String inPieces(ByteSignalType<V> type, byte[] data, int piece) {
        ByteSignalType.Digester<V> digester = type.newDigester();
        for (int offset = 0; offset < data.length; offset += piece) {
            digester.update(data, offset, Math.min(piece, data.length - offset));
        }
        return type.format(digester.finish());
    }
}
