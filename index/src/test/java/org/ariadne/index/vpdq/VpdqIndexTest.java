package org.ariadne.index.vpdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.ariadne.hashing.testing.ReferenceData;
import org.ariadne.hashing.vpdq.VpdqComparison;
import org.ariadne.hashing.vpdq.VpdqFeature;
import org.ariadne.hashing.vpdq.VpdqHash;
import org.junit.jupiter.api.Test;

/** The index against comparing every pair, over the reference vPDQ hashes of the sample videos. */
class VpdqIndexTest {

    private final Map<String, VpdqHash> videos = referenceHashes();
    private final List<String> names = new ArrayList<>(videos.keySet());
    private final VpdqIndex index = new VpdqIndex(VpdqComparison.PUBLISHED);

    VpdqIndexTest() {
        names.forEach(n -> index.add(videos.get(n)));
    }

    @Test
    void findsExactlyWhatComparingEveryVideoFinds() {
        for (String query : names) {
            List<String> bruteForce = new ArrayList<>();
            for (String known : names) {
                if (VpdqComparison.PUBLISHED.compare(videos.get(query), videos.get(known)).isMatch()) {
                    bruteForce.add(known);
                }
            }
            List<String> indexed = index.search(videos.get(query)).stream()
                    .filter(VideoMatch::isMatch)
                    .map(m -> names.get(m.video()))
                    .sorted()
                    .toList();
            assertThat(indexed).as(query).isEqualTo(bruteForce.stream().sorted().toList());
        }
    }

    @Test
    void candidatesAreOnlyVideosOfTheSameContent() {
        List<VideoMatch> found = index.search(videos.get("doorknob-hd-no-bar"));
        assertThat(found).as("the door-knob video finds at least itself").isNotEmpty();
        for (VideoMatch m : found) {
            assertThat(names.get(m.video())).startsWith("doorknob");
        }
    }

    @Test
    void aVideoFoundGetsItsSegments() {
        VideoMatch self = index.search(videos.get("pattern-hd-no-bar")).getFirst();

        assertThat(names.get(self.video())).isEqualTo("pattern-hd-no-bar");
        assertThat(self.segments()).isNotEmpty();
        assertThat(self.segments().getFirst().queryStart()).isLessThan(0.5);
        assertThat(self.segments().getFirst().queryEnd()).isGreaterThan(6.0);
    }

    @Test
    void aPictureFindsTheVideoFramesThatShowIt() {
        VpdqFeature frame = videos.get("doorknob-hd-no-bar").features().stream()
                .filter(f -> f.quality() >= VpdqComparison.MIN_QUALITY).toList().getLast();

        List<FrameMatch> found = index.framesNear(frame.hash(), 31);

        assertThat(found).isNotEmpty();
        assertThat(found.getFirst().distance()).isZero();
        assertThat(found).allSatisfy(f -> assertThat(names.get(f.video())).startsWith("doorknob"));
    }

    private static Map<String, VpdqHash> referenceHashes() {
        Map<String, VpdqHash> all = new TreeMap<>();
        try (Stream<Path> files = Files.list(ReferenceData.root().resolve("vpdq/hashes"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".txt") && !p.toString().contains("128x128")).toList()) {
                String name = file.getFileName().toString().replace(".txt", "");
                all.put(name, VpdqHash.parse(Files.readString(file)));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return all;
    }
}
