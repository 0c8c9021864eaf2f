/**
 * Retrieval of scenes among many pictures: {@link org.ariadne.scene.index.SceneIndex} keeps each
 * picture's {@link org.ariadne.scene.SceneFeatures}, an inverted index from visual words to pictures for
 * choosing candidates, and verifies the best candidates' geometry. A query is a picture or a region of it,
 * optionally with its mirror image ({@link org.ariadne.scene.index.SceneQuery}); each result
 * ({@link org.ariadne.scene.index.SceneMatch}) carries the agreeing feature pairs and the matched boxes in
 * both pictures, which is all a viewer needs to show why two pictures were linked.
 *
 * <p>A server keeps one index per collection, adds each picture's features as it is ingested, and stores
 * the index with {@code write} (Ariadne's checked index format) between runs.
 */
package org.ariadne.scene.index;
