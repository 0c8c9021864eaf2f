package org.ariadne.index.exact;

import java.io.IOException;
import java.nio.file.Path;
import org.ariadne.hashing.crypto.CryptoAlgorithm;
import org.ariadne.index.SignalIndex;
import org.ariadne.index.SignalIndexProvider;

/**
 * Makes {@link ExactHashIndex}es; one public subclass per algorithm, because
 * {@link java.util.ServiceLoader} instantiates classes.
 */
public abstract sealed class ExactHashIndexProvider implements SignalIndexProvider {

    private final CryptoAlgorithm algorithm;

    ExactHashIndexProvider(CryptoAlgorithm algorithm) {
        this.algorithm = algorithm;
    }

    @Override
    public String signalName() {
        return algorithm.signalName();
    }

    @Override
    public SignalIndex<?> create() {
        return new ExactHashIndex(algorithm);
    }

    @Override
    public SignalIndex<?> read(Path file) throws IOException {
        return ExactHashIndex.read(file, algorithm);
    }

    public static final class Md5 extends ExactHashIndexProvider {
        public Md5() {
            super(CryptoAlgorithm.MD5);
        }
    }

    public static final class Sha1 extends ExactHashIndexProvider {
        public Sha1() {
            super(CryptoAlgorithm.SHA1);
        }
    }

    public static final class Sha256 extends ExactHashIndexProvider {
        public Sha256() {
            super(CryptoAlgorithm.SHA256);
        }
    }
}
