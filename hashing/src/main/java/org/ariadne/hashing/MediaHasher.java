package org.ariadne.hashing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import org.ariadne.hashing.metadata.MediaMetadata;
import org.ariadne.hashing.metadata.MetadataReader;
import org.ariadne.hashing.metadata.VideoMetadata;
import org.ariadne.hashing.pdq.PdqHasher;
import org.ariadne.hashing.pdq.PdqResult;
import org.ariadne.hashing.vpdq.VpdqHasher;
import org.ariadne.media.DecodeLimits;
import org.ariadne.media.DecodedImage;
import org.ariadne.media.ImageDecoder;
import org.ariadne.media.LumaImage;
import org.ariadne.media.MediaFormat;
import org.ariadne.media.Orientation;
import org.ariadne.media.UndecodableMediaException;
import org.ariadne.media.video.FrameSampling;
import org.ariadne.media.video.VideoInfo;
import org.ariadne.media.video.VideoLimits;

/**
 * Turns a file into its {@link MediaRecord}: one read of the bytes feeds every byte signal (the
 * cryptographic hashes) and, for images, the metadata reader, the decoder and PDQ. Videos are streamed
 * through the crypto hashes, then decoded from the file by FFmpeg for vPDQ (a video held in memory, an
 * archive member, is written to a temporary file first).
 *
 * <p>Never throws for a bad file: whatever could be computed is kept (a corrupt file's crypto hashes
 * still identify it) and the record's error says what went wrong. Thread-safe; one instance serves
 * all worker threads.
 */
public final class MediaHasher {

    /**
     * Files up to this size are read whole into memory, to be decoded after hashing. Larger ones (long
     * videos, disk images) are streamed through the crypto hashes only: no image is anywhere near it.
     */
    public static final long MAX_DECODED_FILE_BYTES = 256L << 20;

    private static final int CHUNK = 1 << 16;
    private static final int SNIFF_BYTES = 32;
    private static final Consumer<LumaImage> NO_LUMA = luma -> { };

    private final List<ByteSignalType<?>> byteSignals = SignalTypes.byteSignals();
    private final ImageDecoder decoder;
    private final MetadataReader metadataReader = new MetadataReader();
    private final PdqHasher pdq = new PdqHasher();
    private final VpdqHasher vpdq;
    private final FrameSampling sampling;
    private final StageTimes times = new StageTimes();

    /** Images within the limits; videos at one frame a second, black bars cropped, default video limits. */
    public MediaHasher(DecodeLimits limits) {
        this(limits, VideoLimits.DEFAULT, FrameSampling.DEFAULT);
    }

    public MediaHasher(DecodeLimits limits, VideoLimits videoLimits, FrameSampling sampling) {
        this.decoder = new ImageDecoder(limits);
        this.vpdq = new VpdqHasher(videoLimits, VpdqHasher.Bars.CROP);
        this.sampling = sampling;
    }

    /** Time spent so far in each stage, over all threads. */
    public StageTimes times() {
        return times;
    }

    public MediaRecord hash(Path file) {
        return hash(file, file.toString(), NO_LUMA);
    }

    /**
     * Hashes a file under another name (an archive member spooled to a temporary file); the decoded
     * luma, when there is one, goes to {@code decoded} before the record is returned (for thumbnails).
     */
    public MediaRecord hash(Path file, String path, Consumer<LumaImage> decoded) {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            // A FIFO would block the read forever, a device could be endless: only regular files are hashed.
            return new MediaRecord(path, -1, null, null, null, List.of(), null, null, MediaMetadata.NONE,
                    "not a regular file");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            return unreadable(path, -1, e);
        }
        boolean video = isVideo(file);
        if (video || size > MAX_DECODED_FILE_BYTES) {
            return streamed(file, path, size, video);
        }
        byte[] data;
        long start = System.nanoTime();
        try {
            data = Files.readAllBytes(file);
        } catch (IOException | OutOfMemoryError e) {
            return unreadable(path, size, e);
        } finally {
            times.add(StageTimes.Stage.READ, start);
        }
        return hash(path, data, data.length, decoded);
    }

    /** Hashes content already in memory (an archive member, an upload). */
    public MediaRecord hash(String path, byte[] data, int length) {
        return hash(path, data, length, NO_LUMA);
    }

    /** Hashes content already in memory; the decoded luma, if any, goes to {@code decoded}. */
    public MediaRecord hash(String path, byte[] data, int length, Consumer<LumaImage> decoded) {
        long start = System.nanoTime();
        List<SignalValue<?>> signals = digest(data, length);
        times.add(StageTimes.Stage.CRYPTO, start);
        MediaFormat format = MediaFormat.sniff(data, length);
        if (length == 0) {
            return new MediaRecord(path, 0, format.mediaType(), null, null, signals, null, null, MediaMetadata.NONE,
                    "empty file");
        }
        if (format.isVideo()) {
            return spooledVideo(path, data, length, format, signals);
        }
        start = System.nanoTime();
        MediaMetadata metadata = format == MediaFormat.UNKNOWN ? MediaMetadata.NONE : metadataReader.read(data, length);
        times.add(StageTimes.Stage.METADATA, start);
        Orientation orientation = metadata.orientation() == null
                ? Orientation.NORMAL : Orientation.fromExif(metadata.orientation());
        start = System.nanoTime();
        try {
            DecodedImage image = decoder.decode(data, length, orientation);
            times.add(StageTimes.Stage.DECODE, start);
            start = System.nanoTime();
            PdqResult hashes = pdq.hash(image.luma());
            times.add(StageTimes.Stage.PDQ, start);
            decoded.accept(image.luma());
            return new MediaRecord(path, length, format.mediaType(), image.width(), image.height(), signals, hashes,
                    orientation.exifValue(), metadata.withSize(image.width(), image.height()), null);
        } catch (UndecodableMediaException e) {
            times.add(StageTimes.Stage.DECODE, start);
            return new MediaRecord(path, length, format.mediaType(), null, null, signals, null,
                    metadata.orientation(), metadata, e.getMessage());
        }
    }

    private List<SignalValue<?>> digest(byte[] data, int length) {
        List<Running<?>> running = start();
        for (int offset = 0; offset < length; offset += CHUNK) {
            int n = Math.min(CHUNK, length - offset);
            for (Running<?> r : running) {
                r.digester.update(data, offset, n);
            }
        }
        return finish(running);
    }

    /**
     * Streams the file through the crypto hashes. A video is decoded meanwhile, on a thread of its own:
     * FFmpeg's decoding of one video leaves much of the second core free, and the hashes of a large
     * file would otherwise add a second or so before decoding starts.
     */
    private MediaRecord streamed(Path file, String path, long size, boolean video) {
        FutureTask<VideoOutcome> decoding = video ? new FutureTask<>(() -> decodeVideo(file)) : null;
        if (decoding != null) {
            Thread.ofPlatform().daemon().name("video-decode").start(decoding);
        }
        long start = System.nanoTime();
        List<Running<?>> running = start();
        byte[] head = new byte[SNIFF_BYTES];
        int headLength = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[CHUNK];
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (headLength < SNIFF_BYTES) {
                    int copy = Math.min(n, SNIFF_BYTES - headLength);
                    System.arraycopy(buffer, 0, head, headLength, copy);
                    headLength += copy;
                }
                for (Running<?> r : running) {
                    r.digester.update(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            if (decoding != null) {
                await(decoding); // its child process ends before the record does
            }
            return unreadable(path, size, e);
        }
        List<SignalValue<?>> signals = finish(running);
        times.add(StageTimes.Stage.CRYPTO, start);
        MediaFormat format = MediaFormat.sniff(head, headLength);
        if (decoding != null) {
            return video(path, size, format, signals, await(decoding));
        }
        if (format.isVideo()) {
            return video(path, size, format, signals, decodeVideo(file));
        }
        return new MediaRecord(path, size, format.mediaType(), null, null, signals, null, null,
                MediaMetadata.NONE, "file too large to decode as an image (" + size + " bytes)");
    }

    private static boolean isVideo(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(SNIFF_BYTES);
            return MediaFormat.sniff(head, head.length).isVideo();
        } catch (IOException e) {
            return false; // reading the whole file will say what is wrong
        }
    }

    /** A video's hash, or why it has none. */
    private record VideoOutcome(VpdqHasher.VideoHash hash, String error) {
    }

    private VideoOutcome decodeVideo(Path file) {
        long start = System.nanoTime();
        try {
            return new VideoOutcome(vpdq.hash(file, sampling), null);
        } catch (UndecodableMediaException e) {
            return new VideoOutcome(null, e.getMessage());
        } finally {
            times.add(StageTimes.Stage.VIDEO, start);
        }
    }

    private static VideoOutcome await(FutureTask<VideoOutcome> decoding) {
        try {
            return decoding.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new VideoOutcome(null, "interrupted while decoding");
        } catch (ExecutionException e) {
            // decodeVideo catches what a file can cause; anything else is a bug, reported as the worker's.
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** A video's record; one that could not be decoded keeps its crypto hashes and says why. */
    private static MediaRecord video(String path, long size, MediaFormat format, List<SignalValue<?>> signals,
            VideoOutcome outcome) {
        if (outcome.hash() == null) {
            return new MediaRecord(path, size, format.mediaType(), null, null, signals, null, null, MediaMetadata.NONE,
                    outcome.error());
        }
        VideoInfo info = outcome.hash().info();
        return new MediaRecord(path, size, format.mediaType(), info.width(), info.height(), signals, null, null,
                VideoMetadata.from(info), null, outcome.hash());
    }

    /** FFmpeg reads files: a video in memory goes to a temporary file for as long as it is decoded. */
    private MediaRecord spooledVideo(String path, byte[] data, int length, MediaFormat format, List<SignalValue<?>> signals) {
        Path spooled = null;
        try {
            spooled = Files.createTempFile("ariadne-video-", ".tmp");
            try (var out = Files.newOutputStream(spooled)) {
                out.write(data, 0, length);
            }
            return video(path, length, format, signals, decodeVideo(spooled));
        } catch (IOException e) {
            return new MediaRecord(path, length, format.mediaType(), null, null, signals, null, null, MediaMetadata.NONE,
                    "video could not be written to a temporary file for decoding: " + e.getMessage());
        } finally {
            if (spooled != null) {
                try {
                    Files.deleteIfExists(spooled);
                } catch (IOException e) {
                    // The temporary folder is cleaned by the system in the end.
                }
            }
        }
    }

    private List<Running<?>> start() {
        List<Running<?>> running = new ArrayList<>(byteSignals.size());
        for (ByteSignalType<?> type : byteSignals) {
            running.add(Running.of(type));
        }
        return running;
    }

    private static List<SignalValue<?>> finish(List<Running<?>> running) {
        List<SignalValue<?>> values = new ArrayList<>(running.size());
        for (Running<?> r : running) {
            values.add(r.finish());
        }
        return values;
    }

    private static MediaRecord unreadable(String path, long size, Throwable e) {
        String why = switch (e) {
            case NoSuchFileException x -> "file not found";
            case AccessDeniedException x -> "unreadable: permission denied";
            case OutOfMemoryError x -> "unreadable: not enough memory to read the file";
            default -> "unreadable: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        };
        return new MediaRecord(path, size, null, null, null, List.of(), null, null, MediaMetadata.NONE, why);
    }

    /** A byte signal being computed, with its type so that the value stays typed. */
    private record Running<V>(ByteSignalType<V> type, ByteSignalType.Digester<V> digester) {
        static <V> Running<V> of(ByteSignalType<V> type) {
            return new Running<>(type, type.newDigester());
        }

        SignalValue<V> finish() {
            return new SignalValue<>(type, digester.finish());
        }
    }
}
