package org.ariadne.cli;

import org.ariadne.media.DecodeLimits;
import picocli.CommandLine.Option;

/** {@code --threads} and {@code --max-pixels}, shared by the commands that hash files. */
final class HashingOptions {

    @Option(names = "--threads", description = "Worker threads (default: the number of processors).")
    Integer threads;

    @Option(names = "--max-pixels", defaultValue = "" + DecodeLimits.DEFAULT_MAX_PIXELS,
            description = "Refuse images declaring more pixels than this (default ${DEFAULT-VALUE}).")
    long maxPixels;

    /** The worker count asked for, checked. */
    int workers() {
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1) {
            throw new ExitCodes.UsageException("--threads must be at least 1");
        }
        return workers;
    }

    DecodeLimits decodeLimits() {
        if (maxPixels < 1) {
            throw new ExitCodes.UsageException("--max-pixels must be at least 1");
        }
        return new DecodeLimits(maxPixels);
    }
}
