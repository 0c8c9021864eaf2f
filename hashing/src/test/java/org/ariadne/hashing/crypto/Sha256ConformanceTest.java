package org.ariadne.hashing.crypto;

import java.util.List;
import org.ariadne.hashing.SignalTypeConformanceTest;

class Sha256ConformanceTest extends SignalTypeConformanceTest<CryptoHash> {
    @Override protected String name() { return "sha256"; }
    @Override protected List<String> malformed() { return List.of("", "ba7816bf", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a-", "a9993e364706816aba3e25717850c26c9cd0d89d"); }
    @Override protected List<String> twoDistinctValues() { return CryptoSignalTypeTest.SHA256_VECTORS; }
}
