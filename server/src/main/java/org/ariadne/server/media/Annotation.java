package org.ariadne.server.media;

/**
 * A clue marked on a picture: a box in the upright picture's pixels (as shown: width and height swapped
 * for a picture its camera turned a quarter), what kind of clue, and what it says.
 *
 * @param clueType {@code object}, {@code text}, {@code location} or {@code person}
 */
public record Annotation(int x, int y, int width, int height, String clueType, String body) {
}
