package org.ariadne.hashing;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where hashing time goes, summed over all worker threads: for tuning and for the benchmark's report of
 * decode, hash and I/O shares. Cheap enough to keep on (a clock read per stage per file).
 */
public final class StageTimes {

    /** The stages of {@link MediaHasher}, in order. */
    public enum Stage {
        READ, CRYPTO, METADATA, DECODE, PDQ,
        /** Decoding and hashing a video's frames (they overlap: the decoder runs beside the hashing). */
        VIDEO
    }

    private final Map<Stage, LongAdder> nanos = new EnumMap<>(Stage.class);

    public StageTimes() {
        for (Stage s : Stage.values()) {
            nanos.put(s, new LongAdder());
        }
    }

    void add(Stage stage, long startNanos) {
        nanos.get(stage).add(System.nanoTime() - startNanos);
    }

    /** Thread-seconds spent in a stage so far. */
    public double seconds(Stage stage) {
        return nanos.get(stage).sum() / 1e9;
    }

    public double totalSeconds() {
        double total = 0;
        for (Stage s : Stage.values()) {
            total += seconds(s);
        }
        return total;
    }
}
