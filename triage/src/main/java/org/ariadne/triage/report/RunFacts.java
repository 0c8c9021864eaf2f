package org.ariadne.triage.report;

import java.util.List;
import org.ariadne.hashsets.KnownHashes;

/**
 * What the reports need to know of the run besides its records.
 *
 * @param seconds wall time of this run (a resumed run counts only its own part)
 * @param triaged items hashed by this run
 * @param images of those, the images decoded and PDQ-hashed
 * @param resumed items found done by an earlier, interrupted run
 */
public record RunFacts(List<KnownHashes.Loaded> hashSets, List<KnownHashes.Conflict> conflicts, int radius,
                       double seconds, int triaged, int images, int resumed, boolean thumbnails) {
    public RunFacts {
        hashSets = List.copyOf(hashSets);
        conflicts = List.copyOf(conflicts);
    }
}
