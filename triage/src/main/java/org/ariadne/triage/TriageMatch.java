package org.ariadne.triage;

/**
 * One hash-set entry a file matched, with what the set knows of it.
 *
 * @param hashSet the hash set's file name
 * @param signal the signal that matched: {@code md5}, {@code sha1}, {@code sha256} or {@code pdq}
 * @param transformation for PDQ, the rotation or flip of the file that matched ({@code original},
 *     {@code rotate_90}, ...); null for crypto hashes
 * @param distance 0 for crypto hashes, the Hamming distance for PDQ
 * @param frameSeconds for a video, the time of its frame that matched the known picture; null otherwise
 */
public record TriageMatch(
        String hashSet,
        String mediaId,
        String series,
        String category,
        Boolean victimIdentified,
        Boolean offenderIdentified,
        String signal,
        String transformation,
        int distance,
        Double frameSeconds) {

    /** A match of a photo or of a file's bytes. */
    public TriageMatch(String hashSet, String mediaId, String series, String category, Boolean victimIdentified,
            Boolean offenderIdentified, String signal, String transformation, int distance) {
        this(hashSet, mediaId, series, category, victimIdentified, offenderIdentified, signal, transformation, distance, null);
    }

    /** Whether the match is of the very same bytes. */
    public boolean exact() {
        return !"pdq".equals(signal);
    }
}
