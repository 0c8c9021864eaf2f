package org.ariadne.hashing.vpdq;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.ariadne.hashing.ContentKind;
import org.ariadne.hashing.SignalType;

/**
 * vPDQ as a signal type: near-duplicate videos and clips, compared as bags of frame hashes.
 *
 * <p>The distance is symmetric, as the interface asks: 100 minus the smaller of the two shares of
 * frames found in the other video, in whole percent. {@link #matches} is the published decision,
 * which is not symmetric: its first argument is the query, its second the known video.
 */
public final class VpdqSignalType implements SignalType<VpdqHash> {

    public static final String NAME = "vpdq";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<ContentKind> appliesTo() {
        return EnumSet.of(ContentKind.VIDEO);
    }

    @Override
    public Class<VpdqHash> valueType() {
        return VpdqHash.class;
    }

    @Override
    public VpdqHash parse(String text) {
        return VpdqHash.parse(text);
    }

    @Override
    public String format(VpdqHash value) {
        return value.format();
    }

    @Override
    public int distance(VpdqHash a, VpdqHash b) {
        VpdqComparison.Result r = VpdqComparison.PUBLISHED.compare(a, b);
        return 100 - (int) Math.floor(Math.min(r.queryMatchPercent(), r.comparedMatchPercent()));
    }

    /** At distance 20 or less, each video has at least 80 % of its frames in the other. */
    @Override
    public int matchThreshold() {
        return 100 - (int) VpdqComparison.COMPARED_MATCH_PERCENT;
    }

    /** The published decision: {@code query} matches {@code known} (see {@link VpdqComparison}). */
    @Override
    public boolean matches(VpdqHash query, VpdqHash known) {
        return VpdqComparison.PUBLISHED.compare(query, known).isMatch();
    }

    @Override
    public List<String> examples() {
        return List.of(
                // The first three frames of the reference's chair-orig-22-sd-bar, every frame hashed.
                "0,100,34ada6b96d18d2491a79f80f07f2c9936fe6083dfb6983d8a4a36db40034df54,0.000;"
                        + "1,100,a5ad66b96d58d2491a79f80f07f2c1936fe6083dfb4983d8a4a36db40034df54,0.033;"
                        + "2,100,a52d26b96d38d3491a79f80f0ff2c1936fe6083dfb4983d8a4a36db40034df54,0.067",
                "0,45,0000000000000000000000000000000000000000000000000000000000000000,0.000",
                "0,100,f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22,0.000;"
                        + "30,100,30a10efd71c83f429013d48d0ffffc52e34e0e17ada952a9d29685211ea9e5af,1.000");
    }
}
