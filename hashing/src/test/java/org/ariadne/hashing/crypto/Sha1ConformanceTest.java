package org.ariadne.hashing.crypto;

import java.util.List;
import org.ariadne.hashing.SignalTypeConformanceTest;

class Sha1ConformanceTest extends SignalTypeConformanceTest<CryptoHash> {
    @Override protected String name() { return "sha1"; }
    @Override protected List<String> malformed() { return List.of("", "a9993e364706816aba3e25717850c26c9cd0d89", "a9993e364706816aba3e25717850c26c9cd0d89g", "900150983cd24fb0d6963f7d28e17f72"); }
    @Override protected List<String> twoDistinctValues() { return CryptoSignalTypeTest.SHA1_VECTORS; }
}
