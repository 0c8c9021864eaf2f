package org.ariadne.index;

/**
 * One entry a search found: its id in the index and its distance to the query.
 * Ordered nearest first, then by id, so that results are the same from run to run.
 */
public record Match(int id, int distance) implements Comparable<Match> {

    @Override
    public int compareTo(Match other) {
        int byDistance = Integer.compare(distance, other.distance);
        return byDistance != 0 ? byDistance : Integer.compare(id, other.id);
    }
}
