/**
 * vPDQ, the video hash Meta published, written here from its description: the PDQ hash of each sampled
 * frame, with its quality, number and time ({@link org.ariadne.hashing.vpdq.VpdqHash}), compared as two
 * bags of distinct frames ({@link org.ariadne.hashing.vpdq.VpdqComparison}, with the published
 * parameters: frames match at PDQ distance 31, frames of quality below 50 are left out, the known video
 * matches when 80 % of its frames are found in the query, whatever share of the query that is).
 *
 * <p>{@link org.ariadne.hashing.vpdq.VpdqHasher} decodes through {@code org.ariadne.media.video} and
 * hashes with {@code org.ariadne.hashing.pdq}. Beyond the reference, it crops black bars (letterbox and
 * pillarbox) before hashing, so that a video with bars matches its version without; with cropping off it
 * reproduces the reference's hashes within PDQ's tolerance and its match decisions exactly
 * ({@code VpdqReferenceTest}). {@link org.ariadne.hashing.vpdq.VpdqSignalType} makes it the signal type
 * {@code vpdq}.
 */
package org.ariadne.hashing.vpdq;
