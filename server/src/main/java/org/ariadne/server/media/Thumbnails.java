package org.ariadne.server.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.ariadne.media.DecodeLimits;
import org.ariadne.media.ImageDecoder;
import org.ariadne.media.DecodedImage;
import org.ariadne.media.LumaImage;
import org.ariadne.media.Orientation;
import org.ariadne.media.UndecodableMediaException;
import org.ariadne.media.video.FrameSampling;
import org.ariadne.media.video.VideoDecoder;
import org.ariadne.media.video.VideoLimits;
import org.ariadne.server.audit.AuditLog;
import org.ariadne.server.audit.Outcome;
import org.ariadne.server.security.Account;
import org.ariadne.server.store.MediaStore;
import org.ariadne.server.web.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Small grey JPEGs of pictures and video frames for the specialists' grid and keyframe strip, made once
 * and kept: each is stored in the media store under its own SHA-256 (encrypted at rest like the
 * originals), and the table {@code thumbnail} says which media item, size and frame time it shows. A
 * page of a hundred thumbnails decodes nothing the second time.
 *
 * <p>Every request is audited as a view ({@code media.thumbnail}, {@code media.keyframes},
 * {@code media.keyframe}); media the caller may not see are answered as not found and audited as refused;
 * media that cannot be decoded are answered as not found (code {@code undecodable}) and audited as failed.
 */
@Service
public class Thumbnails {

    /** The longer side of a grid thumbnail: a hundred fit a screen, and a category can be judged. */
    public static final int DEFAULT_SIZE = 320;

    /** The largest thumbnail asked for: beyond it the viewer should open the media item itself. */
    public static final int MAX_SIZE = 640;

    /** Small enough that a decode is of no use below it. */
    public static final int MIN_SIZE = 16;

    public static final int DEFAULT_KEYFRAMES = 8;

    /** Keyframes a strip may ask for: each is a decoded frame kept in the store. */
    public static final int MAX_KEYFRAMES = 32;

    /**
     * A video's thumbnail is its frame a tenth of the way in: past the black or title frames many videos
     * open with, early enough to show what the video is about.
     */
    static final FramePlan THUMBNAIL_FRAME = new FramePlan(10, 1);

    /**
     * A picture file larger than this is not read into memory for a thumbnail: more than any camera's
     * picture, far below what would strain the server.
     */
    private static final int MAX_PICTURE_BYTES = 256 << 20;

    /** A thumbnail request waits at most this long for FFmpeg (the ingest allows an hour). */
    private static final Duration VIDEO_TIMEOUT = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final MediaStore store;
    private final MediaCatalog catalog;
    private final Path spool;
    private final ImageDecoder pictures = new ImageDecoder(DecodeLimits.DEFAULT);
    private final VideoDecoder videos = new VideoDecoder(VideoLimits.DEFAULT.withTimeout(VIDEO_TIMEOUT));
    // one media item's thumbnails are made by one request at a time (striped by media id)
    private final Lock[] making = new Lock[64];
    // a grid of a hundred new thumbnails must not decode a hundred originals at once
    private final Semaphore decoding = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));

    Thumbnails(JdbcClient jdbc, AuditLog audit, MediaStore store, MediaCatalog catalog, @Value("${ariadne.data}") Path data) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.store = store;
        this.catalog = catalog;
        this.spool = data.resolve("spool").resolve("previews");
        for (int i = 0; i < making.length; i++) {
            making[i] = new ReentrantLock();
        }
        try {
            Files.createDirectories(spool);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One keyframe of a video's strip: its position in the strip and its time. */
    public record Keyframe(int index, double atSeconds) {
    }

    /**
     * Frames at {@code (2k + 1) / perDuration} of a video's length, for k below {@code count}: decoding
     * {@code perDuration} frames evenly over the video and keeping the odd ones gives frames in the middle
     * of their stretch, never the first frame (often black).
     */
    record FramePlan(int perDuration, int count) {

        double atSeconds(int k, double duration) {
            return (2 * k + 1) * duration / perDuration;
        }

        static FramePlan keyframes(int count) {
            return new FramePlan(2 * count, count);
        }
    }

    /** A JPEG of the picture, or of a video's frame a tenth of the way in, its longer side at most {@code size}. */
    public byte[] thumbnail(Account account, long mediaId, int size) {
        return thumbnail(account, mediaId, size, false);
    }

    /**
     * As {@link #thumbnail(Account, long, int)}; in colour if asked and possible (a picture the JDK reads,
     * stored upright), else grey. Video frames are always grey: the decoder gives luminance.
     */
    public byte[] thumbnail(Account account, long mediaId, int size, boolean colour) {
        checkSize(size);
        Item item = item(account, mediaId, "media.thumbnail");
        return frame(account, "media.thumbnail", item, size, item.video() ? THUMBNAIL_FRAME : null, 0,
                colour && !item.video());
    }

    /**
     * A stored picture decoded upright (luminance), for a search by what one of its regions shows; a video
     * or a file that cannot be decoded is answered as not found. The caller audits what it does with it.
     */
    public DecodedImage picture(Account account, long mediaId) {
        Item item = item(account, mediaId, "media.picture");
        if (item.video()) {
            audit.record(account.actor(), "media.picture", "media:" + mediaId, Outcome.FAILED, Map.of("error", "a video"));
            throw ApiException.notFound("media " + mediaId + " is a video, not a picture");
        }
        decoding.acquireUninterruptibly();
        try (InputStream in = store.open(item.sha256())) {
            byte[] data = pictureBytes(in);
            return pictures.decode(data, data.length, item.orientation());
        } catch (UndecodableMediaException e) {
            audit.record(account.actor(), "media.picture", "media:" + mediaId, Outcome.FAILED, Map.of("error", e.getMessage()));
            throw new ApiException(HttpStatus.NOT_FOUND, "undecodable", "media " + mediaId + " cannot be decoded: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read media " + mediaId + " from the store", e);
        } finally {
            decoding.release();
        }
    }

    /** The times of a video's keyframes; an empty list for a picture, which has no strip to show. */
    public List<Keyframe> keyframes(Account account, long mediaId, int count) {
        checkCount(count);
        Item item = item(account, mediaId, "media.keyframes");
        audit.record(account.actor(), "media.keyframes", "media:" + mediaId, Outcome.OK, Map.of("count", count));
        if (!item.video()) {
            return List.of();
        }
        FramePlan plan = FramePlan.keyframes(count);
        List<Keyframe> keyframes = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            keyframes.add(new Keyframe(k, plan.atSeconds(k, item.duration())));
        }
        return keyframes;
    }

    /** Keyframe {@code index} of {@code count} as a JPEG; a picture has none (not found). */
    public byte[] keyframe(Account account, long mediaId, int count, int index, int size) {
        checkSize(size);
        checkCount(count);
        Item item = item(account, mediaId, "media.keyframe");
        if (!item.video() || index < 0 || index >= count) {
            audit.record(account.actor(), "media.keyframe", "media:" + mediaId, Outcome.FAILED,
                    Map.of("count", count, "index", index));
            throw ApiException.notFound("keyframe " + index + " of media " + mediaId);
        }
        return frame(account, "media.keyframe", item, size, FramePlan.keyframes(count), index);
    }

    /** What a thumbnail needs to know of a media item the caller may see (a video's duration in seconds). */
    private record Item(long id, String sha256, boolean video, double duration, Orientation orientation) {
    }

    private Item item(Account account, long mediaId, String action) {
        Map<String, Object> media = catalog.visible(account, mediaId, action);
        String type = (String) media.get("media_type");
        Number duration = (Number) media.get("duration_seconds");
        // a container that states no length: its frames are taken from the first second
        return new Item(mediaId, (String) media.get("sha256"), type != null && type.startsWith("video/"),
                duration == null || !(duration.doubleValue() > 0) ? 1 : duration.doubleValue(),
                MediaCatalog.orientation((String) media.get("metadata")));
    }

    /**
     * The cached JPEG, or the frame(s) decoded, cached and the one wanted returned: for a video, every frame
     * of the plan is made in one decode (the strip asks for them all anyway).
     */
    private byte[] frame(Account account, String action, Item item, int size, FramePlan plan, int wanted) {
        return frame(account, action, item, size, plan, wanted, false);
    }

    private byte[] frame(Account account, String action, Item item, int size, FramePlan plan, int wanted,
                         boolean colour) {
        int atMillis = plan == null ? 0 : millis(plan.atSeconds(wanted, item.duration()));
        byte[] jpeg = cached(item.id(), size, atMillis, colour);
        boolean hit = jpeg != null;
        if (!hit) {
            Lock lock = making[Math.floorMod(Long.hashCode(item.id()), making.length)];
            lock.lock();
            try {
                // the strip's frames are asked for together: the first request makes them all, the others find them
                jpeg = cached(item.id(), size, atMillis, colour);
                hit = jpeg != null;
                if (!hit) {
                    byte[][] original = new byte[1][];
                    List<LumaImage> frames = decode(item, plan, original);
                    for (int k = 0; k < frames.size(); k++) {
                        byte[] inColour = colour ? colourPreview(original[0], item, size) : null;
                        byte[] made = inColour != null ? inColour : PreviewImage.jpeg(frames.get(k), size);
                        keep(item.id(), size, plan == null ? 0 : millis(plan.atSeconds(k, item.duration())), colour, made);
                        if (k == wanted) {
                            jpeg = made;
                        }
                    }
                }
            } catch (UndecodableMediaException e) {
                audit.record(account.actor(), action, "media:" + item.id(), Outcome.FAILED, Map.of("error", e.getMessage()));
                throw new ApiException(HttpStatus.NOT_FOUND, "undecodable",
                        "media " + item.id() + " cannot be shown: " + e.getMessage());
            } finally {
                lock.unlock();
            }
        }
        audit.record(account.actor(), action, "media:" + item.id(), Outcome.OK,
                Map.of("size", size, "at_millis", atMillis, "cached", hit));
        return jpeg;
    }

    /** A stored picture's bytes, refused past {@link #MAX_PICTURE_BYTES} (a picture is decoded from memory). */
    private static byte[] pictureBytes(InputStream in) throws IOException, UndecodableMediaException {
        byte[] data = in.readNBytes(MAX_PICTURE_BYTES + 1);
        if (data.length > MAX_PICTURE_BYTES) {
            throw new UndecodableMediaException("picture file larger than " + (MAX_PICTURE_BYTES >> 20) + " MB");
        }
        return data;
    }

    /** A colour thumbnail, or null; a full decode like the others, so within the same limit on decodes at once. */
    private byte[] colourPreview(byte[] original, Item item, int size) {
        decoding.acquireUninterruptibly();
        try {
            return ColourPreview.jpeg(original, item.orientation(), size);
        } finally {
            decoding.release();
        }
    }

    /** The JPEG made earlier, or null. */
    private byte[] cached(long mediaId, int size, int atMillis, boolean colour) {
        String sha256 = jdbc.sql("""
                        select sha256 from thumbnail where media_id = ? and size = ? and at_millis = ? and colour = ?""")
                .params(mediaId, size, atMillis, colour).query(String.class).optional().orElse(null);
        if (sha256 == null || !store.contains(sha256)) {
            return null;
        }
        try (InputStream in = store.open(sha256)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read thumbnail " + sha256, e);
        }
    }

    /** The frames; for a picture, its bytes also go to {@code original[0]} (a colour thumbnail reads them again). */
    private List<LumaImage> decode(Item item, FramePlan plan, byte[][] original) throws UndecodableMediaException {
        decoding.acquireUninterruptibly();
        try (InputStream in = store.open(item.sha256())) {
            if (!item.video()) {
                byte[] data = pictureBytes(in);
                LumaImage luma = pictures.decode(data, data.length, item.orientation()).luma();
                original[0] = data;
                return List.of(luma);
            }
            Path file = Files.createTempFile(spool, "video-", ".part");
            try {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                return videoFrames(file, item.duration(), plan);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read media " + item.id() + " from the store", e);
        } finally {
            decoding.release();
        }
    }

    /** Thrown from the frame consumer once every frame wanted is in, to stop FFmpeg early. */
    private static final class Enough extends RuntimeException {
        Enough() {
            super(null, null, false, false);
        }
    }

    private List<LumaImage> videoFrames(Path file, double duration, FramePlan plan) throws UndecodableMediaException {
        LumaImage[] slots = new LumaImage[plan.count()];
        LumaImage[] latest = new LumaImage[1];
        int[] seen = {0};
        try {
            videos.decode(file, new FrameSampling(plan.perDuration() / duration), frame -> {
                int i = seen[0]++;
                latest[0] = frame.luma();
                if (i % 2 == 1) {
                    slots[i / 2] = frame.luma();
                    if (i / 2 == plan.count() - 1) {
                        throw new Enough();
                    }
                }
            });
        } catch (Enough done) {
            // every frame wanted is decoded
        }
        // a video shorter than its container says ends early: its last frame stands in for the missing ones
        List<LumaImage> frames = new ArrayList<>(slots.length);
        LumaImage previous = null;
        for (LumaImage slot : slots) {
            previous = slot != null ? slot : previous != null ? previous : latest[0];
            frames.add(previous);
        }
        return frames;
    }

    private void keep(long mediaId, int size, int atMillis, boolean colour, byte[] jpeg) {
        String sha256;
        try {
            sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jpeg));
            store.put(sha256, new ByteArrayInputStream(jpeg));
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("cannot store a thumbnail", e);
        }
        jdbc.sql("""
                        insert into thumbnail (media_id, size, at_millis, colour, sha256) values (?, ?, ?, ?, ?)
                        on conflict (media_id, size, at_millis, colour) do update set sha256 = excluded.sha256""")
                .params(mediaId, size, atMillis, colour, sha256).update();
    }

    private static int millis(double seconds) {
        return (int) Math.round(seconds * 1000);
    }

    private static void checkSize(int size) {
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw ApiException.badRequest("size must be " + MIN_SIZE + " to " + MAX_SIZE);
        }
    }

    private static void checkCount(int count) {
        if (count < 1 || count > MAX_KEYFRAMES) {
            throw ApiException.badRequest("count must be 1 to " + MAX_KEYFRAMES);
        }
    }
}
