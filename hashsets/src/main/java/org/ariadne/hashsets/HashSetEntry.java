package org.ariadne.hashsets;

import org.ariadne.hashing.crypto.CryptoHash;
import org.ariadne.hashing.pdq.PdqHash;

/**
 * One known media item of a hash set: at least one hash, and what the contributor knows of it. Any
 * field but {@code location} may be null when the set does not say.
 *
 * @param location where in the file the entry was read: {@code line 12}, or a JSON path
 *                 ({@code $.value[3].Media[0]})
 * @param mediaId the set's own id of the item (VICS {@code MediaID}, ICSE {@code Image ID})
 * @param category the category code as the set gives it (VICS {@code Category})
 * @param distributed whether the item is known to circulate beyond its first case
 */
public record HashSetEntry(
        String location,
        String mediaId,
        CryptoHash md5,
        CryptoHash sha1,
        CryptoHash sha256,
        PdqHash pdq,
        String category,
        Boolean victimIdentified,
        Boolean offenderIdentified,
        Boolean distributed,
        String series,
        String agency) {
}
