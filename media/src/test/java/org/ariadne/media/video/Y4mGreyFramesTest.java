package org.ariadne.media.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.ariadne.media.UndecodableMediaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streams as a decoder could write them, played back by a real child process ({@code cat}). */
class Y4mGreyFramesTest {

    @TempDir
    Path dir;

    @Test
    void readsTheSizeAndEachFrame() throws Exception {
        try (ChildProcess stream = play(header("YUV4MPEG2 W3 H2 F1:1 Ip A1:1 Cmono XCOLORRANGE=FULL"),
                frame("FRAME", 1, 2, 3, 4, 5, 6), frame("FRAME Ixyz", 7, 8, 9, 10, 11, 12))) {
            Y4mGreyFrames frames = Y4mGreyFrames.open(stream, 1_000);

            assertThat(frames.width()).isEqualTo(3);
            assertThat(frames.height()).isEqualTo(2);
            assertThat(frames.next()).containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(frames.next()).containsExactly(7, 8, 9, 10, 11, 12);
            assertThat(frames.next()).isNull();
        }
    }

    @Test
    void aPartialLastFrameIsTheEnd() throws Exception {
        try (ChildProcess stream = play(header("YUV4MPEG2 W2 H2 Cmono"), frame("FRAME", 1, 2, 3))) {
            assertThat(Y4mGreyFrames.open(stream, 1_000).next()).isNull();
        }
    }

    @Test
    void noOutputIsNoStream() throws Exception {
        try (ChildProcess stream = play()) {
            assertThat(Y4mGreyFrames.open(stream, 1_000)).isNull();
        }
    }

    @Test
    void malformedStreamsAreClearErrors() throws Exception {
        assertRefused("no YUV4MPEG2 header", header("RIFF W2 H2"));
        assertRefused("no frame size", header("YUV4MPEG2 W2 Cmono"));
        assertRefused("unreadable frame size", header("YUV4MPEG2 Wx H2"));
        assertRefused("not grey", header("YUV4MPEG2 W2 H2 C420jpeg"));
        assertRefused("longer than", header("YUV4MPEG2 W2 H2 X" + "a".repeat(2_000)));
        assertRefused("too large", header("YUV4MPEG2 W2000 H2000 Cmono"));
        try (ChildProcess stream = play(header("YUV4MPEG2 W1 H1 Cmono"), frame("FRAME", 1), frame("JUNK", 2))) {
            Y4mGreyFrames frames = Y4mGreyFrames.open(stream, 1_000);
            assertThat(frames.next()).containsExactly(1);
            assertThatThrownBy(frames::next).isInstanceOf(UndecodableMediaException.class)
                    .hasMessageContaining("without its FRAME line");
        }
    }

    private void assertRefused(String message, byte[] header) throws Exception {
        try (ChildProcess stream = play(header)) {
            assertThatThrownBy(() -> Y4mGreyFrames.open(stream, 1_000)).isInstanceOf(UndecodableMediaException.class)
                    .hasMessageContaining(message);
        }
    }

    private ChildProcess play(byte[]... parts) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            bytes.write(part);
        }
        Path file = Files.write(Files.createTempFile(dir, "stream", ".y4m"), bytes.toByteArray());
        return ChildProcess.start("cat", new ProcessBuilder("cat", file.toString()), Duration.ofSeconds(30));
    }

    private static byte[] header(String line) {
        return (line + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] frame(String line, int... pixels) {
        byte[] head = header(line);
        byte[] frame = new byte[head.length + pixels.length];
        System.arraycopy(head, 0, frame, 0, head.length);
        for (int i = 0; i < pixels.length; i++) {
            frame[head.length + i] = (byte) pixels[i];
        }
        return frame;
    }
}
