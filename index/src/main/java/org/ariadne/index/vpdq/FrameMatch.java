package org.ariadne.index.vpdq;

import org.ariadne.hashing.vpdq.VpdqFeature;

/**
 * A frame of a known video near a picture's PDQ hash: the link between a photo and a video.
 *
 * @param video the known video's id in the index
 * @param frame the frame (its number and time in that video)
 * @param distance PDQ distance between the picture and the frame
 */
public record FrameMatch(int video, VpdqFeature frame, int distance) {
}
