package org.ariadne.index.exact;

import org.ariadne.hashing.crypto.CryptoAlgorithm;

class Sha256IndexConformanceTest extends ExactHashConformance {

    Sha256IndexConformanceTest() {
        super(CryptoAlgorithm.SHA256);
    }
}
