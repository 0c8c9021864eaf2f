package org.ariadne.scene;

/**
 * One feature of a query matched to one of a found picture, in pixels of each picture: what a viewer
 * draws as a line between the two pictures side by side.
 */
public record KeypointPair(float queryX, float queryY, float foundX, float foundY) {
}
