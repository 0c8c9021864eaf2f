package org.ariadne.hashing.pdq;

import java.util.List;

/**
 * What PDQ computes for one picture: its quality and the hashes of its eight rotations and flips.
 *
 * @param quality 0 to 100; below {@link PdqSignalType#MIN_USEFUL_QUALITY} the hash is not worth matching
 * @param dihedral the eight hashes, indexed by {@link Dihedral#ordinal()}
 */
public record PdqResult(int quality, List<PdqHash> dihedral) {

    public PdqResult {
        dihedral = List.copyOf(dihedral);
        if (dihedral.size() != Dihedral.values().length) {
            throw new IllegalArgumentException("expected eight dihedral hashes, got " + dihedral.size());
        }
    }

    /** The hash of the picture as it is. */
    public PdqHash hash() {
        return dihedral.get(Dihedral.ORIGINAL.ordinal());
    }

    public PdqHash hash(Dihedral transformation) {
        return dihedral.get(transformation.ordinal());
    }
}
