/**
 * Reading videos: their metadata ({@link org.ariadne.media.video.VideoInfo}) and their frames, sampled at
 * a chosen rate ({@link org.ariadne.media.video.FrameSampling}) and reduced to luma for perceptual hashing.
 *
 * <p>Decoding is done by the {@code ffmpeg} and {@code ffprobe} programs bundled in JavaCPP's FFmpeg
 * presets (from Maven Central, so nothing needs installing), run as child processes: {@code ffprobe} reads
 * the metadata while {@code ffmpeg} writes grey frames to a pipe ({@code Y4mGreyFrames}). A decoder that crashes or hangs on a hostile file takes down its own process, never
 * the JVM: the file gets an {@link org.ariadne.media.UndecodableMediaException} and the batch goes on.
 * {@link org.ariadne.media.video.VideoLimits} bounds what a file may claim (frame size, duration) and how
 * long it may take; only the container formats Ariadne supports are opened, and only as local files.
 *
 * <p>{@link org.ariadne.media.video.VideoDecoder} is the entry point. To support another container,
 * add its FFmpeg demuxer name to {@code VideoDecoder}'s list (and its magic bytes to
 * {@link org.ariadne.media.MediaFormat}).
 */
package org.ariadne.media.video;
