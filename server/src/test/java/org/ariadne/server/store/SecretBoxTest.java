package org.ariadne.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final SecretBox BOX = new SecretBox(new SecretKeySpec(new byte[32], "AES"));

    @Test
    void aSealedSecretOpensInItsContextAndShowsNothingOfItself() {
        String sealed = BOX.seal("JBSWY3DPEHPK3PXP", "totp:user:7");
        assertThat(sealed).startsWith("v1:").doesNotContain("JBSWY3DPEHPK3PXP");
        assertThat(BOX.seal("JBSWY3DPEHPK3PXP", "totp:user:7")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(BOX.open(sealed, "totp:user:7")).isEqualTo("JBSWY3DPEHPK3PXP");
    }

    @Test
    void aSecretMovedToAnotherRowAlteredOrUnderAnotherKeyIsRefused() {
        String sealed = BOX.seal("JBSWY3DPEHPK3PXP", "totp:user:7");
        assertThatThrownBy(() -> BOX.open(sealed, "totp:user:8")).isInstanceOf(IllegalStateException.class);
        char[] chars = sealed.toCharArray();
        chars[10] = chars[10] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> BOX.open(new String(chars), "totp:user:7")).isInstanceOf(IllegalStateException.class);
        byte[] other = new byte[32];
        other[0] = 1;
        assertThatThrownBy(() -> new SecretBox(new SecretKeySpec(other, "AES")).open(sealed, "totp:user:7"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMangledSealedValueIsRefusedWithTheSameClearError() {
        assertThatThrownBy(() -> BOX.open("v1:not base64!", "totp:user:7")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("totp:user:7");
        assertThatThrownBy(() -> BOX.open("v1:AAAA", "totp:user:7")).as("shorter than a nonce")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aValueStoredBeforeSealingReadsAsItself() {
        assertThat(BOX.open("JBSWY3DPEHPK3PXP", "totp:user:7")).isEqualTo("JBSWY3DPEHPK3PXP");
        assertThat(BOX.open(null, "totp:user:7")).isNull();
    }
}
