package org.ariadne.triage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ariadne.hashing.metadata.MediaMetadata;

/**
 * One line of {@code report.jsonl}: a file, its hashes, its verdict and what it matched. Hashes are in
 * their canonical text form (lower-case hex), as they are written.
 *
 * @param size bytes, or -1 when unknown (a refused item)
 * @param pdqQuality 0-100, null when the file was not decoded
 * @param pdqTransformed for unknown images, the PDQ of each rotation and flip by name ({@code rotate_90},
 *     {@code flip_x}, ...), so that the report can group copies that were turned; empty otherwise
 * @param metadata the camera and place clues, {@link MediaMetadata#NONE} when there are none
 * @param thumbnail the thumbnail's path relative to the output folder, or null
 * @param error why the file could not be read, decoded or was refused, or null
 * @param scene for unknown images, their scene features ({@code scene_orb}, canonical text), so that the
 *     report can group pictures of one place; null otherwise
 */
public record TriageRecord(
        String path,
        long size,
        String mediaType,
        String md5,
        String sha1,
        String sha256,
        String pdq,
        Integer pdqQuality,
        Map<String, String> pdqTransformed,
        Verdict verdict,
        List<TriageMatch> matches,
        MediaMetadata metadata,
        String thumbnail,
        String error,
        String scene) {

    public TriageRecord {
        pdqTransformed = Collections.unmodifiableMap(new LinkedHashMap<>(pdqTransformed));
        matches = List.copyOf(matches);
    }
}
