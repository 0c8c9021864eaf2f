package org.ariadne.hashing.vpdq;

/**
 * A stretch of the query that shows a stretch of the known video: times in seconds, from the first to
 * the last matching frame of each.
 *
 * @param frames how many query frames matched within it
 */
public record MatchedSegment(double queryStart, double queryEnd, double knownStart, double knownEnd, int frames) {
}
