package org.ariadne.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    /** RFC 6238, appendix B: the SHA-1 rows (secret "12345678901234567890", 8 digits). */
    @ParameterizedTest
    @CsvSource({"59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
            "2000000000, 69279037", "20000000000, 65353130"})
    void theRfcsTestVectors(long time, String expected) {
        byte[] secret = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        assertThat(Totp.code(secret, time / 30, 8)).isEqualTo(expected);
    }

    /** RFC 4648, section 10 (without padding, as authenticator apps take it). */
    @ParameterizedTest
    @CsvSource({"f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB", "foobar, MZXW6YTBOI"})
    void base32AsTheRfcWritesIt(String text, String expected) {
        assertThat(Totp.base32(text.getBytes(StandardCharsets.US_ASCII))).isEqualTo(expected);
        assertThat(new String(Totp.fromBase32(expected), StandardCharsets.US_ASCII)).isEqualTo(text);
    }

    @Test
    void aCodeCountsForItsStepAndTheNeighboursOnly() {
        String secret = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
        Instant t = Instant.ofEpochSecond(1111111109);
        String code = "081804"; // the last six digits of the RFC's 07081804

        assertThat(Totp.verify(secret, code, t)).isTrue();
        assertThat(Totp.verify(secret, code, t.plusSeconds(30))).isTrue();
        assertThat(Totp.verify(secret, code, t.minusSeconds(30))).isTrue();
        assertThat(Totp.verify(secret, code, t.plusSeconds(90))).isFalse();
        assertThat(Totp.verify(secret, "081805", t)).isFalse();
        assertThat(Totp.verify(secret, null, t)).isFalse();
        assertThat(Totp.verify(secret, "abcdef", t)).isFalse();
    }
}
