package org.ariadne.hashing.vpdq;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ariadne.hashing.pdq.PdqHasher;
import org.ariadne.media.LumaImage;
import org.ariadne.media.UndecodableMediaException;
import org.ariadne.media.video.FrameSampling;
import org.ariadne.media.video.VideoDecoder;
import org.ariadne.media.video.VideoFrame;
import org.ariadne.media.video.VideoInfo;
import org.ariadne.media.video.VideoLimits;

/**
 * Computes a video's vPDQ hash: the PDQ hash and quality of each sampled frame, with its number and
 * time. Black bars are cropped first unless asked not to (the reference vPDQ does not crop; its hashes
 * are reproduced with cropping off). Thread-safe; each call decodes in its own child process.
 */
public final class VpdqHasher {

    /** Whether black bars are cropped before hashing. */
    public enum Bars {
        /** Crop letterbox and pillarbox bars: a video then matches its version without them. */
        CROP,
        /** Hash the whole frame, as the reference vPDQ does. */
        KEEP
    }

    private final VideoDecoder decoder;
    private final Bars bars;
    private final PdqHasher pdq = new PdqHasher();

    public VpdqHasher(VideoLimits limits, Bars bars) {
        this.decoder = new VideoDecoder(limits);
        this.bars = bars;
    }

    /** The video's metadata and its vPDQ hash. */
    public VideoHash hash(Path video, FrameSampling sampling) throws UndecodableMediaException {
        List<VpdqFeature> features = new ArrayList<>();
        VideoInfo info = decoder.decode(video, sampling, frame -> features.add(hash(frame)));
        return new VideoHash(info, new VpdqHash(features));
    }

    private VpdqFeature hash(VideoFrame frame) {
        LumaImage picture = bars == Bars.CROP ? BlackBars.crop(frame.luma()) : frame.luma();
        PdqHasher.Upright result = pdq.hashUpright(picture);
        return new VpdqFeature(frame.number(), result.hash(), result.quality(), frame.timestampSeconds());
    }

    /** A video's metadata and its vPDQ hash. */
    public record VideoHash(VideoInfo info, VpdqHash vpdq) {
    }
}
