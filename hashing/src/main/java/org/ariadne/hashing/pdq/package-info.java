/**
 * PDQ, the perceptual hash for photos that Meta published, written here from its description.
 *
 * <p>{@link org.ariadne.hashing.pdq.PdqHasher} computes the hash, its quality and the hashes of the seven
 * rotations and flips in one pass; it reproduces the reference implementation bit for bit given the same
 * pixels. {@link org.ariadne.hashing.pdq.PdqSignalType} carries the publishers' thresholds (match at
 * distance 31 or less; ignore quality below 50).
 */
package org.ariadne.hashing.pdq;
