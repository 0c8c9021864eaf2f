package org.ariadne.index.exact;

import org.ariadne.hashing.crypto.CryptoAlgorithm;

class Sha1IndexConformanceTest extends ExactHashConformance {

    Sha1IndexConformanceTest() {
        super(CryptoAlgorithm.SHA1);
    }
}
