package org.ariadne.hashing.crypto;

import java.util.List;
import org.ariadne.hashing.SignalTypeConformanceTest;

class Md5ConformanceTest extends SignalTypeConformanceTest<CryptoHash> {
    @Override protected String name() { return "md5"; }
    @Override protected List<String> malformed() { return List.of("", "900150983cd24fb0d6963f7d28e17f7", "900150983cd24fb0d6963f7d28e17f72aa", "z00150983cd24fb0d6963f7d28e17f72"); }
    @Override protected List<String> twoDistinctValues() { return CryptoSignalTypeTest.MD5_VECTORS; }
}
