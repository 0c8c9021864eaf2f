package org.ariadne.scene.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ariadne.index.IndexFileException;
import org.ariadne.index.SignalIndexes;
import org.ariadne.media.LumaImage;
import org.ariadne.scene.Region;
import org.ariadne.scene.SceneExtractor;
import org.ariadne.scene.SceneFeatures;
import org.ariadne.scene.SceneSignalType;
import org.ariadne.scene.testing.Scenes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SceneIndexTest {

    private static final SceneExtractor EXTRACTOR = new SceneExtractor();
    private static final int ROOMS = 40;
    private static final List<LumaImage> ROOM_PICTURES = new ArrayList<>();
    private static SceneIndex index;

    @TempDir
    Path folder;

    @BeforeAll
    static void indexRooms() {
        index = new SceneIndex();
        for (int seed = 0; seed < ROOMS; seed++) {
            LumaImage room = Scenes.luma(Scenes.room(800, 600, 1000 + seed));
            ROOM_PICTURES.add(room);
            assertThat(index.add(EXTRACTOR.extract(room))).isEqualTo(seed);
        }
    }

    private static SceneQuery query(LumaImage picture) {
        return SceneQuery.of(EXTRACTOR, picture, Region.whole(picture.width(), picture.height()));
    }

    @Test
    void findsEachRoomFirstFromAnotherView() {
        for (int seed = 0; seed < ROOMS; seed += 3) {
            LumaImage view = Scenes.lighting(Scenes.perspective(ROOM_PICTURES.get(seed),
                    new float[] {0.1f, 0.05f, 0.05f, 0.1f, 0.1f, 0.05f, 0.05f, 0.1f}), 0.8, 20, 1.2);

            List<SceneMatch> found = index.find(query(view), 5);

            assertThat(found).as("room %d", seed).isNotEmpty();
            assertThat(found.getFirst().id()).isEqualTo(seed);
            assertThat(found.getFirst().mirrored()).isFalse();
            assertThat(found).as("only that room").hasSize(1);
        }
    }

    @Test
    void findsAMirroredCopyAndSaysSo() {
        List<SceneMatch> found = index.find(query(Scenes.mirror(ROOM_PICTURES.get(5))), 5);

        assertThat(found).extracting(SceneMatch::id).containsExactly(5);
        assertThat(found.getFirst().mirrored()).isTrue();
        assertThat(index.find(SceneQuery.of(EXTRACTOR.extract(Scenes.mirror(ROOM_PICTURES.get(5)))), 5))
                .as("without the mirrored view").isEmpty();
    }

    @Test
    void inAnIndexOfTwoPicturesOfOneSceneEachFindsTheOther() {
        LumaImage room = Scenes.luma(Scenes.room(800, 600, 4242));
        SceneIndex two = new SceneIndex();
        two.add(EXTRACTOR.extract(room));
        two.add(EXTRACTOR.extract(Scenes.crop(room, 80, 60, 640, 480)));

        assertThat(two.find(query(Scenes.crop(room, 80, 60, 640, 480)), 5)).extracting(SceneMatch::id).contains(0, 1);
        assertThat(two.find(query(room), 5)).extracting(SceneMatch::id).contains(0, 1);
    }

    @Test
    void picturesAQueryMayNotFindNeverCrowdOutThoseItMay() {
        LumaImage room = Scenes.luma(Scenes.room(800, 600, 4343));
        SceneIndex crowded = new SceneIndex();
        SceneFeatures copy = EXTRACTOR.extract(room);
        for (int i = 0; i < 2 * SceneIndex.VERIFIED; i++) {
            crowded.add(copy); // copies the searcher may not see, each a better match than theirs
        }
        int theirs = crowded.add(EXTRACTOR.extract(Scenes.crop(room, 80, 60, 640, 480)));
        SceneQuery query = query(room);
        assertThat(crowded.find(query, 5)).as("without an admission the copies take every place")
                .extracting(SceneMatch::id).doesNotContain(theirs);

        List<SceneMatch> found = crowded.find(query, 5, ids -> ids.contains(theirs) ? Set.of(theirs) : Set.of());

        assertThat(found).extracting(SceneMatch::id).containsExactly(theirs);
        // letting every picture in finds what no admission finds, in the same order
        assertThat(crowded.find(query, 5, ids -> Set.copyOf(ids))).isEqualTo(crowded.find(query, 5));
        List<Integer> firstAsked = new ArrayList<>();
        List<SceneMatch> all = index.find(query(ROOM_PICTURES.get(3)), 5, ids -> {
            if (firstAsked.isEmpty()) {
                firstAsked.addAll(ids);
            }
            return Set.copyOf(ids);
        });
        assertThat(all).isEqualTo(index.find(query(ROOM_PICTURES.get(3)), 5));
        assertThat(firstAsked).as("asked about best first").startsWith(3).doesNotHaveDuplicates();
    }

    @Test
    void aRoomNotIndexedFindsNothing() {
        for (int seed = 0; seed < 5; seed++) {
            assertThat(index.find(query(Scenes.luma(Scenes.room(800, 600, 5000 + seed))), 5)).isEmpty();
        }
    }

    @Test
    void aBoxAroundAnObjectFindsItInAnotherRoom() {
        BufferedImage poster = Scenes.poster(240, 180, 77);
        LumaImage here = Scenes.luma(Scenes.pasted(Scenes.room(800, 600, 61), poster, 60, 300));
        // The same poster in another room, elsewhere, smaller and in other light.
        BufferedImage smaller = new BufferedImage(192, 144, BufferedImage.TYPE_INT_RGB);
        smaller.createGraphics().drawImage(poster, 0, 0, 192, 144, null);
        LumaImage there = Scenes.lighting(Scenes.luma(Scenes.pasted(Scenes.room(800, 600, 62), smaller, 500, 100)), 0.9, 10, 1.1);
        SceneIndex rooms = new SceneIndex();
        rooms.add(EXTRACTOR.extract(Scenes.luma(Scenes.room(800, 600, 63))));
        int id = rooms.add(EXTRACTOR.extract(there));
        rooms.add(EXTRACTOR.extract(Scenes.luma(Scenes.room(800, 600, 61)))); // the first room without the poster

        List<SceneMatch> found = rooms.find(SceneQuery.of(EXTRACTOR, here, new Region(60, 300, 240, 180)), 5);

        assertThat(found).extracting(SceneMatch::id).containsExactly(id);
        Region box = found.getFirst().verification().foundRegion();
        assertThat(box.x()).isGreaterThanOrEqualTo(500);
        assertThat(box.y()).isGreaterThanOrEqualTo(100);
        assertThat(box.x() + box.width()).isLessThanOrEqualTo(500 + 192);
        assertThat(box.y() + box.height()).isLessThanOrEqualTo(100 + 144);
        Region queried = found.getFirst().verification().queryRegion();
        assertThat(queried.x()).isGreaterThanOrEqualTo(60);
        assertThat(queried.x() + queried.width()).isLessThanOrEqualTo(300);
    }

    @Test
    void searchAnswersInTheSignalsDistances() {
        SceneFeatures same = index.get(9);
        assertThat(index.search(same, 0)).extracting(m -> m.id()).containsExactly(9);
        SceneFeatures view = EXTRACTOR.extract(Scenes.occluded(ROOM_PICTURES.get(9), 3, 4));
        var matches = index.search(view, new SceneSignalType().matchThreshold());
        assertThat(matches).extracting(m -> m.id()).containsExactly(9);
        assertThat(matches.getFirst().distance()).isEqualTo(new SceneSignalType().distance(view, same));
    }

    @Test
    void survivesAWriteAndAReadAndForgetsRemovedPictures() throws IOException {
        SceneIndex small = new SceneIndex();
        for (int seed = 0; seed < 6; seed++) {
            small.add(index.get(seed));
        }
        small.remove(2);
        Path file = folder.resolve("scenes.ariadne");
        small.write(file);

        SceneIndex read = (SceneIndex) SignalIndexes.forSignal(SceneSignalType.NAME).read(file);

        assertThat(read.size()).isEqualTo(5);
        assertThat(read.get(2)).isNull();
        assertThat(read.get(3)).isEqualTo(index.get(3));
        assertThat(read.find(query(ROOM_PICTURES.get(3)), 3)).extracting(SceneMatch::id).containsExactly(3);
        assertThat(read.find(query(ROOM_PICTURES.get(2)), 3)).as("removed").isEmpty();

        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 4;
        Files.write(file, bytes);
        assertThatThrownBy(() -> SceneIndex.read(file)).isInstanceOf(IndexFileException.class).hasMessageContaining("checksum");
    }

    @Test
    void refusesFeaturesOfAnotherVocabulary() {
        SceneFeatures foreign = SceneFeatures.of(12345, 10, 10, new int[] {1}, new float[] {1}, new float[] {1},
                new float[] {0}, new float[] {31});
        assertThatThrownBy(() -> index.add(foreign)).hasMessageContaining("vocabulary");
        assertThat(index.size()).isEqualTo(ROOMS);
    }
}
