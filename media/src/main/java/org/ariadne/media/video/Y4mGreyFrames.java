package org.ariadne.media.video;

import java.nio.charset.StandardCharsets;
import org.ariadne.media.UndecodableMediaException;

/**
 * FFmpeg's YUV4MPEG2 output of grey frames, read from its pipe: a header line that gives the frame size
 * ({@code YUV4MPEG2 W720 H480 ... Cmono}), then each frame as a {@code FRAME} line and its bytes, one per
 * pixel. The decoder learns the size from the stream itself, so FFmpeg can start before the metadata is
 * read. (FFmpeg keeps every frame at the first one's size, scaling those of a stream that changes
 * resolution.)
 */
final class Y4mGreyFrames {

    private static final String MAGIC = "YUV4MPEG2";
    private static final String FRAME = "FRAME";
    /** Header and frame lines are a few dozen bytes; a longer one is no YUV4MPEG2 stream. */
    private static final int MAX_LINE = 1024;

    private final ChildProcess ffmpeg;
    private final int width;
    private final int height;

    private Y4mGreyFrames(ChildProcess ffmpeg, int width, int height) {
        this.ffmpeg = ffmpeg;
        this.width = width;
        this.height = height;
    }

    /**
     * Reads the stream's header; null if the output is empty (FFmpeg failed before its first frame, which
     * its exit status and standard error then tell).
     *
     * @throws UndecodableMediaException if the header is malformed, not of grey frames, or larger than
     *                                   {@code maxPixels}
     */
    static Y4mGreyFrames open(ChildProcess ffmpeg, long maxPixels) throws UndecodableMediaException {
        String header = line(ffmpeg);
        if (header == null) {
            return null;
        }
        String[] fields = header.split(" ");
        if (!fields[0].equals(MAGIC)) {
            throw malformed("no YUV4MPEG2 header");
        }
        int width = 0;
        int height = 0;
        for (int i = 1; i < fields.length; i++) {
            String field = fields[i];
            if (field.isEmpty()) {
                continue;
            }
            switch (field.charAt(0)) {
                case 'W' -> width = size(field);
                case 'H' -> height = size(field);
                case 'C' -> {
                    if (!field.startsWith("Cmono")) {
                        throw malformed("frames of colour space " + field.substring(1) + ", not grey");
                    }
                }
                default -> { } // frame rate, interlacing, aspect, extensions: not needed here
            }
        }
        if (width <= 0 || height <= 0) {
            throw malformed("no frame size in its header");
        }
        // (a Java array holds at most about 2^31 bytes, whatever the limit)
        if ((long) width * height > Math.min(maxPixels, Integer.MAX_VALUE - 8)) {
            throw new UndecodableMediaException("video frames too large: " + width + "x" + height
                    + " exceeds the limit of " + maxPixels + " pixels");
        }
        return new Y4mGreyFrames(ffmpeg, width, height);
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /**
     * The next frame's pixels, or null at the end of the stream (a partial last frame, as a killed
     * decoder leaves, is the end too).
     *
     * @throws UndecodableMediaException if the stream is out of step (no {@code FRAME} line where one
     *                                   belongs)
     */
    byte[] next() throws UndecodableMediaException {
        String line = line(ffmpeg);
        if (line == null) {
            return null;
        }
        if (!line.equals(FRAME) && !line.startsWith(FRAME + " ")) {
            throw malformed("a frame without its FRAME line");
        }
        byte[] grey = new byte[width * height];
        return ffmpeg.read(grey) < grey.length ? null : grey;
    }

    /** A line without its newline; null at the end of the stream, also if it ends within the line. */
    private static String line(ChildProcess ffmpeg) throws UndecodableMediaException {
        byte[] bytes = new byte[MAX_LINE];
        int length = 0;
        for (int b; (b = ffmpeg.read()) != '\n'; ) {
            if (b < 0) {
                return null;
            }
            if (length == MAX_LINE) {
                throw malformed("a header line longer than " + MAX_LINE + " bytes");
            }
            bytes[length++] = (byte) b;
        }
        return new String(bytes, 0, length, StandardCharsets.US_ASCII);
    }

    private static int size(String field) throws UndecodableMediaException {
        try {
            return Integer.parseInt(field, 1, field.length(), 10);
        } catch (NumberFormatException e) {
            throw malformed("an unreadable frame size " + field);
        }
    }

    private static UndecodableMediaException malformed(String what) {
        return new UndecodableMediaException("the decoder's output made no sense: " + what);
    }
}
