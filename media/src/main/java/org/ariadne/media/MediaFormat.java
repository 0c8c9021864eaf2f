package org.ariadne.media;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * File formats recognised by their first bytes (never by their name: seized files are often misnamed).
 *
 * <p>Formats Ariadne can decode say so with {@link #decodable()}; the others are still recognised, so
 * that a record can say what a file is and why it was not hashed perceptually.
 */
public enum MediaFormat {
    JPEG("image/jpeg", true),
    PNG("image/png", true),
    GIF("image/gif", true),
    BMP("image/bmp", true),
    WEBP("image/webp", true),
    TIFF("image/tiff", true),
    HEIC("image/heic", false),
    AVIF("image/avif", false),
    MP4("video/mp4", false),
    QUICKTIME("video/quicktime", false),
    THREE_GP("video/3gpp", false),
    AVI("video/x-msvideo", false),
    MATROSKA("video/x-matroska", false),
    WMV("video/x-ms-wmv", false),
    FLV("video/x-flv", false),
    UNKNOWN("application/octet-stream", false);

    private final String mediaType;
    private final boolean decodable;

    MediaFormat(String mediaType, boolean decodable) {
        this.mediaType = mediaType;
        this.decodable = decodable;
    }

    /** The IANA media type, as records report it. */
    public String mediaType() {
        return mediaType;
    }

    /** Whether {@link ImageDecoder} can decode it. */
    public boolean decodable() {
        return decodable;
    }

    public boolean isVideo() {
        return mediaType.startsWith("video/");
    }

    /** Recognises a format from the first bytes of a file (32 are enough). */
    public static MediaFormat sniff(byte[] head, int length) {
        int n = Math.min(length, head.length);
        if (startsWith(head, n, 0, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(head, n, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (startsWith(head, n, 0, "GIF87a") || startsWith(head, n, 0, "GIF89a")) {
            return GIF;
        }
        if (startsWith(head, n, 0, "RIFF") && startsWith(head, n, 8, "WEBP")) {
            return WEBP;
        }
        if (startsWith(head, n, 0, "RIFF") && startsWith(head, n, 8, "AVI ")) {
            return AVI;
        }
        if (startsWith(head, n, 0, 'I', 'I', 0x2A, 0x00) || startsWith(head, n, 0, 'M', 'M', 0x00, 0x2A)) {
            return TIFF;
        }
        if (startsWith(head, n, 0, "BM") && n >= 18 && isBmpHeaderSize(head)) {
            return BMP;
        }
        if (startsWith(head, n, 4, "ftyp")) {
            return isoBrand(new String(head, 8, Math.min(4, Math.max(0, n - 8)), StandardCharsets.ISO_8859_1));
        }
        if (startsWith(head, n, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            return MATROSKA; // also WebM, a Matroska profile
        }
        if (startsWith(head, n, 0, 0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11)) {
            return WMV;
        }
        if (startsWith(head, n, 0, "FLV")) {
            return FLV;
        }
        return UNKNOWN;
    }

    // The BMP info header is 12 to 124 bytes: "BM" alone is too common a start for text files.
    private static boolean isBmpHeaderSize(byte[] head) {
        int size = (head[14] & 0xff) | (head[15] & 0xff) << 8 | (head[16] & 0xff) << 16 | (head[17] & 0xff) << 24;
        return size >= 12 && size <= 124;
    }

    private static MediaFormat isoBrand(String brand) {
        return switch (brand) {
            case "heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1" -> HEIC;
            case "avif", "avis" -> AVIF;
            case "qt  " -> QUICKTIME;
            default -> brand.startsWith("3g") ? THREE_GP : MP4;
        };
    }

    private static boolean startsWith(byte[] head, int n, int offset, int... expected) {
        if (offset + expected.length > n) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((head[offset + i] & 0xff) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] head, int n, int offset, String ascii) {
        byte[] expected = ascii.getBytes(StandardCharsets.ISO_8859_1);
        return offset + expected.length <= n
                && Arrays.equals(head, offset, offset + expected.length, expected, 0, expected.length);
    }
}
