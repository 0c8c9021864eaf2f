package org.ariadne.index.exact;

import org.ariadne.hashing.crypto.CryptoAlgorithm;

class Md5IndexConformanceTest extends ExactHashConformance {

    Md5IndexConformanceTest() {
        super(CryptoAlgorithm.MD5);
    }
}
