package org.ariadne.media.video;

import org.ariadne.media.LumaImage;

/**
 * One decoded frame.
 *
 * @param number the frame's number in the video, from 0 (for sampled frames, the number of the source
 *     frame at that time, as the frame rate gives it)
 * @param timestampSeconds its time from the start of the video
 * @param luma its luminance, at the video's stored size or scaled down to
 *     {@link VideoDecoder#MAX_FRAME_SIDE} on its longer side
 */
public record VideoFrame(int number, double timestampSeconds, LumaImage luma) {
}
