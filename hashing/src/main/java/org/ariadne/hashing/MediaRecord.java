package org.ariadne.hashing;

import java.util.List;
import org.ariadne.hashing.metadata.MediaMetadata;
import org.ariadne.hashing.pdq.PdqResult;
import org.ariadne.hashing.vpdq.VpdqHasher;

/**
 * Everything Ariadne extracts from one file. Fields are null where they could not be had; {@code error}
 * then says why, in words for the report.
 *
 * @param path the path as given to the hasher
 * @param size bytes, or -1 if the file could not be read at all
 * @param mediaType recognised from the content, or null if the file could not be read
 * @param width stored pixel width, when the image was decoded
 * @param height stored pixel height
 * @param fileSignals the signals of the raw bytes (md5, sha1, sha256), in class-path order
 * @param pdq PDQ hash, quality and dihedral hashes, when the image was decoded
 * @param orientation the EXIF orientation applied before hashing (1 when none)
 * @param metadata EXIF/XMP/IPTC clues
 * @param error why the file could not be read or decoded, or null
 * @param video for a video: its container metadata and vPDQ hash; null otherwise
 */
public record MediaRecord(
        String path,
        long size,
        String mediaType,
        Integer width,
        Integer height,
        List<SignalValue<?>> fileSignals,
        PdqResult pdq,
        Integer orientation,
        MediaMetadata metadata,
        String error,
        VpdqHasher.VideoHash video) {

    public MediaRecord {
        fileSignals = List.copyOf(fileSignals);
    }

    /** A record of a file that is no video. */
    public MediaRecord(String path, long size, String mediaType, Integer width, Integer height,
            List<SignalValue<?>> fileSignals, PdqResult pdq, Integer orientation, MediaMetadata metadata, String error) {
        this(path, size, mediaType, width, height, fileSignals, pdq, orientation, metadata, error, null);
    }

    /** The canonical value of a file signal, such as {@code sha256}, or null. */
    public String fileSignal(String name) {
        for (SignalValue<?> v : fileSignals) {
            if (v.name().equals(name)) {
                return v.canonical();
            }
        }
        return null;
    }
}
