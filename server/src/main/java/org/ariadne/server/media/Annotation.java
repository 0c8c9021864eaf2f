package org.ariadne.server.media;

/**
 * A clue marked on a picture: a box in stored pixel coordinates, what kind of clue, and what it says.
 *
 * @param clueType {@code object}, {@code text}, {@code location} or {@code person}
 */
public record Annotation(int x, int y, int width, int height, String clueType, String body) {
}
