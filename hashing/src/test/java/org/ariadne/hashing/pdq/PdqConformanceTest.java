package org.ariadne.hashing.pdq;

import java.util.List;
import org.ariadne.hashing.SignalTypeConformanceTest;

class PdqConformanceTest extends SignalTypeConformanceTest<PdqHash> {
    @Override protected String name() { return "pdq"; }
    @Override protected List<String> malformed() { return List.of("", "f8f8f0ce", "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b2x", "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22f"); }
    // The reference's bridge photo and its 90-degree rotation (expected-pdq-dihedral.tsv).
    @Override protected List<String> twoDistinctValues() { return List.of("f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22", "30a10efd71c83f429013d48d0ffffc52e34e0e17ada952a9d29685211ea9e5af"); }
}
