/**
 * Reading media files: recognising their format from content, checking their declared size against
 * {@link org.ariadne.media.DecodeLimits}, and decoding images to {@link org.ariadne.media.LumaImage}, the
 * luminance that perceptual hashes use.
 *
 * <p>{@link org.ariadne.media.ImageDecoder} is the entry point. It sends JPEGs to libjpeg-turbo (through
 * OpenCV, at a reduced DCT scale when the picture is large) and everything else to javax.imageio with the
 * TwelveMonkeys plug-ins. Every failure, whatever its cause in a decoder, becomes an
 * {@link org.ariadne.media.UndecodableMediaException} whose message is fit for a report.
 *
 * <p>Videos are read by the subpackage {@code video}, through FFmpeg in child processes.
 *
 * <p>To support a new format: add it to {@link org.ariadne.media.MediaFormat} with its magic bytes, then
 * either register a javax.imageio reader for it (nothing else changes) or add a decoding branch here.
 */
package org.ariadne.media;
