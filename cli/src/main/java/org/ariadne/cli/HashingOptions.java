package org.ariadne.cli;

import org.ariadne.hashing.MediaHasher;
import org.ariadne.media.DecodeLimits;
import org.ariadne.media.video.FrameSampling;
import org.ariadne.media.video.VideoLimits;
import picocli.CommandLine.Option;

/** {@code --threads} and {@code --max-pixels}, shared by the commands that hash files. */
final class HashingOptions {

    @Option(names = "--threads", description = "Worker threads (default: the number of processors).")
    Integer threads;

    @Option(names = "--max-pixels", defaultValue = "" + DecodeLimits.DEFAULT_MAX_PIXELS,
            description = "Refuse images declaring more pixels than this (default ${DEFAULT-VALUE}).")
    long maxPixels;

    @Option(names = "--video-fps", defaultValue = "1",
            description = "Video frames hashed per second of video; 0 hashes every frame (default ${DEFAULT-VALUE}).")
    double videoFps;

    /** The worker count asked for, checked. */
    int workers() {
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1) {
            throw new ExitCodes.UsageException("--threads must be at least 1");
        }
        return workers;
    }

    FrameSampling sampling() {
        if (!(videoFps >= 0) || Double.isInfinite(videoFps)) {
            throw new ExitCodes.UsageException("--video-fps must be 0 (every frame) or positive");
        }
        return new FrameSampling(videoFps);
    }

    /** The hasher for these options: images within the pixel limit, videos at the asked rate. */
    MediaHasher hasher() {
        return new MediaHasher(decodeLimits(), VideoLimits.DEFAULT, sampling());
    }

    DecodeLimits decodeLimits() {
        if (maxPixels < 1) {
            throw new ExitCodes.UsageException("--max-pixels must be at least 1");
        }
        return new DecodeLimits(maxPixels);
    }
}
