package org.ariadne.server.security;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): HMAC-SHA1, 30-second steps, 6 digits, the
 * parameters every authenticator app uses. Secrets travel in Base32 (RFC 4648), as authenticator apps
 * expect them.
 */
final class Totp {

    static final int STEP_SECONDS = 30;
    static final int DIGITS = 6;
    /** Steps either side of now that still count: clocks drift and people type slowly. */
    static final int TOLERANCE_STEPS = 1;
    private static final int SECRET_BYTES = 20; // 160 bits, RFC 4226's recommendation
    /** The RFC 4648 alphabet: commons-codec skips other characters silently, a secret must not. */
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Totp() {
    }

    static String newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        return base32(secret);
    }

    /** Whether {@code code} is the password of the step of {@code now} or one next to it. */
    static boolean verify(String base32Secret, String code, Instant now) {
        return matchingStep(base32Secret, code, now) >= 0;
    }

    /** The time step whose password {@code code} is, of {@code now}'s and its neighbours; -1 if none. */
    static long matchingStep(String base32Secret, String code, Instant now) {
        if (code == null || !code.strip().matches("\\d{" + DIGITS + "}")) {
            return -1;
        }
        byte[] secret = fromBase32(base32Secret);
        long step = Math.floorDiv(now.getEpochSecond(), STEP_SECONDS);
        long matched = -1;
        for (long s = step - TOLERANCE_STEPS; s <= step + TOLERANCE_STEPS; s++) {
            if (constantTimeEquals(code(secret, s, DIGITS), code.strip())) { // every step tried: no timing hint
                matched = s;
            }
        }
        return matched;
    }

    /** The HOTP value of a counter, as {@code digits} decimal digits. */
    static String code(byte[] secret, long counter, int digits) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            int modulus = (int) Math.pow(10, digits);
            return String.format(Locale.ROOT, "%0" + digits + "d", binary % modulus);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code otpauth://} URI an authenticator app reads from a QR code. */
    static String uri(String issuer, String account, String base32Secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    /** Base32 without padding, as authenticator apps take it. */
    static String base32(byte[] bytes) {
        return new Base32().encodeToString(bytes).replace("=", "");
    }

    static byte[] fromBase32(String text) {
        String clean = text.replace(" ", "").toUpperCase(Locale.ROOT);
        if (!clean.replace("=", "").chars().allMatch(c -> BASE32.indexOf(c) >= 0)) {
            throw new IllegalArgumentException("not Base32: " + text);
        }
        return new Base32().decode(clean);
    }

    private static boolean constantTimeEquals(String a, String b) {
        return java.security.MessageDigest.isEqual(a.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                b.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
