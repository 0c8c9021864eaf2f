package org.ariadne.media.video;

import java.util.Map;

/**
 * What a video's container says about it and its first video stream.
 *
 * @param container FFmpeg's name of the container format ({@code mov,mp4,m4a,3gp,3g2,mj2}, {@code avi})
 * @param codec the video codec ({@code h264}, {@code hevc}, {@code vp9})
 * @param width stored frame width in pixels
 * @param height stored frame height
 * @param frameRate average frames per second, or 0 where the container does not say
 * @param durationSeconds length, or 0 where the container does not say
 * @param creationTime when the recording was made, as the container writes it (ISO 8601), or null
 * @param deviceTags clues to the recording device and software ({@code com.apple.quicktime.model},
 *     {@code encoder}, {@code location}...), as the container names them; empty when none
 */
public record VideoInfo(
        String container,
        String codec,
        int width,
        int height,
        double frameRate,
        double durationSeconds,
        String creationTime,
        Map<String, String> deviceTags) {

    public VideoInfo {
        deviceTags = Map.copyOf(deviceTags);
    }
}
