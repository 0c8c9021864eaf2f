package org.ariadne.hashing.vpdq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.ariadne.hashing.testing.ReferenceData;
import org.ariadne.media.UndecodableMediaException;
import org.ariadne.media.video.FrameSampling;
import org.ariadne.media.video.VideoLimits;

/**
 * The reference videos and the reference vPDQ hashes of every frame ({@code vpdq/} of the reference data),
 * and our own hashes of the videos, computed once per test run (hashing every frame of all of them
 * takes a while).
 */
final class ReferenceVideos {

    private static final Map<String, VpdqHash> OURS = new ConcurrentHashMap<>();

    private ReferenceVideos() {
    }

    /** Names of the videos we have, without extension, in name order. */
    static List<String> names() {
        try (Stream<Path> files = Files.list(ReferenceData.root().resolve("vpdq/videos"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".mp4"))
                    .map(n -> n.substring(0, n.length() - 4))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path video(String name) {
        return ReferenceData.root().resolve("vpdq/videos/" + name + ".mp4");
    }

    /** The reference C++ implementation's hash of every frame of the video. */
    static VpdqHash reference(String name) {
        try {
            return VpdqHash.parse(Files.readString(ReferenceData.root().resolve("vpdq/hashes/" + name + ".txt")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reference hashes of all the videos we have. */
    static Map<String, VpdqHash> references() {
        Map<String, VpdqHash> all = new TreeMap<>();
        names().forEach(n -> all.put(n, reference(n)));
        return all;
    }

    /** Our hash of every frame, bars as the reference leaves them or cropped. */
    static VpdqHash ours(String name, VpdqHasher.Bars bars) {
        return OURS.computeIfAbsent(name + "/" + bars, key -> {
            try {
                return new VpdqHasher(VideoLimits.DEFAULT, bars).hash(video(name), FrameSampling.EVERY_FRAME).vpdq();
            } catch (UndecodableMediaException e) {
                throw new AssertionError(name + ": " + e.getMessage(), e);
            }
        });
    }

    /** Our hashes of all the videos, hashed two at a time. */
    static Map<String, VpdqHash> allOurs(VpdqHasher.Bars bars) {
        Map<String, VpdqHash> all = new ConcurrentHashMap<>();
        names().parallelStream().forEach(n -> all.put(n, ours(n, bars)));
        return new TreeMap<>(all);
    }

    /** What the video shows: chair, pattern, doorknob (the first word of its name). */
    static String content(String name) {
        return name.substring(0, name.indexOf('-'));
    }
}
