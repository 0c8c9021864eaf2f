/**
 * Scene and object linking: finding other pictures of the same room or object (a bedspread, a poster,
 * wallpaper, a window view), from another angle, crop or light, and showing why they were linked.
 *
 * <p>The signal, {@link org.ariadne.scene.SceneSignalType} ({@code scene_orb}), is a picture's local
 * features: ORB corners found by {@link org.ariadne.scene.SceneExtractor} (a picture shrunk to 640
 * pixels, at most 500 corners), each turned into a visual word by a {@link org.ariadne.scene.Vocabulary}
 * (a tree of binary centres trained by {@link org.ariadne.scene.VocabularyTraining} on benign photos and
 * shipped as a versioned, checksummed resource). {@link org.ariadne.scene.SceneFeatures} keeps the words
 * and where they lie, six bytes a feature, never the descriptors. {@link org.ariadne.scene.SceneComparison}
 * decides whether two pictures show one scene: their shared words must agree with one perspective
 * transformation (RANSAC); the number that agree is the score, and they are the explanation.
 *
 * <p>Searching many pictures is the sub-package {@code index}. To change the features or the vocabulary,
 * add a new signal with a new name: stored values of {@code scene_orb} must stay comparable.
 */
package org.ariadne.scene;
