package org.ariadne.media;

/**
 * What Ariadne needs to know of a JPEG before decoding it: its declared size (to refuse bombs) and
 * whether the file is complete (libjpeg pads a truncated scan with grey and only warns, which would
 * hash a damaged picture as if it were whole).
 */
final class JpegStructure {

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;

    final int width;
    final int height;
    final int components;
    final boolean complete;

    private JpegStructure(int width, int height, int components, boolean complete) {
        this.width = width;
        this.height = height;
        this.components = components;
        this.complete = complete;
    }

    /** Reads the marker segments up to the first scan. */
    static JpegStructure read(byte[] data, int length) throws UndecodableMediaException {
        if (length < 4 || (data[0] & 0xff) != 0xFF || (data[1] & 0xff) != SOI) {
            throw new UndecodableMediaException("corrupt JPEG: no start-of-image marker");
        }
        int width = -1;
        int height = -1;
        int components = 0;
        int pos = 2;
        while (pos + 4 <= length) {
            if ((data[pos] & 0xff) != 0xFF) {
                throw new UndecodableMediaException("corrupt JPEG: expected a marker at byte " + pos);
            }
            int marker = data[pos + 1] & 0xff;
            if (marker == 0xFF) { // fill byte before a marker
                pos++;
                continue;
            }
            if (marker == EOI) {
                throw new UndecodableMediaException("corrupt JPEG: the image ends before any picture data");
            }
            int segmentLength = u16(data, pos + 2);
            if (segmentLength < 2 || pos + 2 + segmentLength > length) {
                throw new UndecodableMediaException("truncated JPEG: a header segment runs past the end of the file");
            }
            if (isStartOfFrame(marker)) {
                if (segmentLength < 8) {
                    throw new UndecodableMediaException("corrupt JPEG: frame header too short");
                }
                height = u16(data, pos + 5);
                width = u16(data, pos + 7);
                components = data[pos + 9] & 0xff;
            }
            if (marker == SOS) {
                if (width <= 0 || height <= 0) {
                    throw new UndecodableMediaException("corrupt JPEG: no valid frame size before the picture data");
                }
                return new JpegStructure(width, height, components, hasEndMarker(data, pos + 2 + segmentLength, length));
            }
            pos += 2 + segmentLength;
        }
        throw new UndecodableMediaException("truncated JPEG: the file ends before the picture data");
    }

    // Entropy-coded data escapes every 0xFF byte, so 0xFF 0xD9 after the first scan is the real end.
    private static boolean hasEndMarker(byte[] data, int from, int length) {
        for (int i = length - 2; i >= from; i--) {
            if ((data[i] & 0xff) == 0xFF && (data[i + 1] & 0xff) == EOI) {
                return true;
            }
        }
        return false;
    }

    private static boolean isStartOfFrame(int marker) {
        // SOF0 to SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static int u16(byte[] data, int pos) {
        return (data[pos] & 0xff) << 8 | (data[pos + 1] & 0xff);
    }
}
