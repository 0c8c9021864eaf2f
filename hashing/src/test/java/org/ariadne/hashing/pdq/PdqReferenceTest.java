package org.ariadne.hashing.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.ariadne.hashing.testing.JdkImageIo;
import org.ariadne.hashing.testing.ReferenceData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bit-exactness: fed the pixels javax.imageio decodes (the reference's own decoder), our PDQ gives
 * every hash and quality of the reference tables.
 */
class PdqReferenceTest {

    private final PdqHasher hasher = new PdqHasher();

    static Stream<Arguments> expectedPdq() {
        return ReferenceData.tsv(ReferenceData.pdq().resolve("expected-pdq.tsv")).stream()
                .map(row -> Arguments.of(row[0], row[1], Integer.parseInt(row[2])));
    }

    static Stream<Arguments> expectedDihedral() {
        return ReferenceData.tsv(ReferenceData.pdq().resolve("expected-pdq-dihedral.tsv")).stream()
                .map(row -> Arguments.of(row[0], row));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectedPdq")
    void hashAndQualityEqualTheReference(String file, String expectedHash, int expectedQuality) throws Exception {
        PdqResult result = hasher.hash(JdkImageIo.luma(ReferenceData.pdq().resolve(file)));

        assertThat(result.hash().hex()).isEqualTo(expectedHash);
        assertThat(result.quality()).isEqualTo(expectedQuality);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectedPdq")
    void theUprightHashAloneEqualsTheReferenceToo(String file, String expectedHash, int expectedQuality) throws Exception {
        PdqHasher.Upright result = hasher.hashUpright(JdkImageIo.luma(ReferenceData.pdq().resolve(file)));

        assertThat(result.hash().hex()).isEqualTo(expectedHash);
        assertThat(result.quality()).isEqualTo(expectedQuality);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectedDihedral")
    void eightDihedralHashesEqualTheReference(String file, String[] row) throws Exception {
        Path path = ReferenceData.pdq().resolve(file);
        PdqResult result = hasher.hash(JdkImageIo.luma(path));

        // Columns: file, then the eight hashes in Dihedral's order, then quality.
        for (Dihedral d : Dihedral.values()) {
            assertThat(result.hash(d).hex()).as(d.name()).isEqualTo(row[1 + d.ordinal()]);
        }
        assertThat(result.quality()).isEqualTo(Integer.parseInt(row[9]));
    }
}
