package org.ariadne.hashing.pdq;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.ariadne.hashing.ContentKind;
import org.ariadne.hashing.SignalType;

/** PDQ as a signal type: near-duplicate photos, compared by Hamming distance. */
public final class PdqSignalType implements SignalType<PdqHash> {

    public static final String NAME = "pdq";

    /**
     * Two hashes at most this many bits apart show the same picture: the publishers' recommended
     * threshold, which keeps false matches between unrelated photos rare while surviving re-encoding,
     * resizing and mild edits.
     */
    public static final int MATCH_DISTANCE = 31;

    /**
     * Hashes of quality below this are too unreliable to match: they come from flat or nearly blank
     * pictures, whose bits are mostly noise (the publishers discard quality 49 and below).
     */
    public static final int MIN_USEFUL_QUALITY = 50;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<ContentKind> appliesTo() {
        return EnumSet.of(ContentKind.PHOTO, ContentKind.VIDEO);
    }

    @Override
    public Class<PdqHash> valueType() {
        return PdqHash.class;
    }

    @Override
    public PdqHash parse(String text) {
        return PdqHash.parse(text);
    }

    @Override
    public String format(PdqHash value) {
        return value.hex();
    }

    @Override
    public int distance(PdqHash a, PdqHash b) {
        return a.distance(b);
    }

    @Override
    public int matchThreshold() {
        return MATCH_DISTANCE;
    }

    @Override
    public List<String> examples() {
        return List.of(
                // The bridge photo of the publishers' test data, and its 90-degree rotation.
                "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22",
                "30a10efd71c83f429013d48d0ffffc52e34e0e17ada952a9d29685211ea9e5af",
                "0000000000000000000000000000000000000000000000000000000000000000");
    }
}
