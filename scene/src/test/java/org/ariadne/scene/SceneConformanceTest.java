package org.ariadne.scene;

import java.util.List;
import org.ariadne.hashing.SignalTypeConformanceTest;

class SceneConformanceTest extends SignalTypeConformanceTest<SceneFeatures> {
    @Override protected String name() { return "scene_orb"; }
    // Not hex; an odd digit; version 2; a count that promises more features than the value holds.
    @Override protected List<String> malformed() { return List.of("", "xyz", "010", "02000000000a0000000a0000000000", "01000000000a0000000a0000000100"); }
    // Two generated scenes of distinct seeds: they share no place, so their distance is positive.
    @Override protected List<String> twoDistinctValues() {
        SceneExtractor extractor = new SceneExtractor();
        return List.of(extractor.extract(org.ariadne.scene.testing.Scenes.luma(org.ariadne.scene.testing.Scenes.room(400, 300, 1))).text(),
                extractor.extract(org.ariadne.scene.testing.Scenes.luma(org.ariadne.scene.testing.Scenes.room(400, 300, 2))).text());
    }
}
