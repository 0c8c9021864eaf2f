package org.ariadne.hashing.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.ariadne.hashing.ByteSignalType;
import org.ariadne.hashing.ContentKind;

/**
 * MD5, SHA-1 and SHA-256 as signal types: exact identity of a file's bytes. They apply to every file,
 * including files that cannot be decoded (a corrupt copy of known material is still known).
 *
 * <p>One public subclass per algorithm, because {@link java.util.ServiceLoader} instantiates classes.
 */
public abstract sealed class CryptoSignalType implements ByteSignalType<CryptoHash>
        permits CryptoSignalType.Md5, CryptoSignalType.Sha1, CryptoSignalType.Sha256 {

    /** Identical bytes, or not: any difference is a different file. */
    private static final int EXACT = 0;

    private final CryptoAlgorithm algorithm;

    CryptoSignalType(CryptoAlgorithm algorithm) {
        this.algorithm = algorithm;
    }

    public final CryptoAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public final String name() {
        return algorithm.signalName();
    }

    @Override
    public final Set<ContentKind> appliesTo() {
        return EnumSet.allOf(ContentKind.class);
    }

    @Override
    public final Class<CryptoHash> valueType() {
        return CryptoHash.class;
    }

    @Override
    public final CryptoHash parse(String text) {
        return new CryptoHash(algorithm, text);
    }

    @Override
    public final String format(CryptoHash value) {
        if (value.algorithm() != algorithm) {
            throw new IllegalArgumentException(name() + ": cannot format a " + value.algorithm().signalName() + " value");
        }
        return value.hex();
    }

    /** 0 for equal hashes, 1 otherwise. */
    @Override
    public final int distance(CryptoHash a, CryptoHash b) {
        return a.equals(b) ? 0 : 1;
    }

    @Override
    public final int matchThreshold() {
        return EXACT;
    }

    @Override
    public final Digester<CryptoHash> newDigester() {
        MessageDigest digest = newMessageDigest(algorithm);
        return new Digester<>() {
            @Override
            public void update(byte[] bytes, int offset, int length) {
                digest.update(bytes, offset, length);
            }

            @Override
            public CryptoHash finish() {
                return CryptoHash.of(algorithm, digest.digest());
            }
        };
    }

    static MessageDigest newMessageDigest(CryptoAlgorithm algorithm) {
        try {
            return MessageDigest.getInstance(algorithm.jcaName());
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide these three.
            throw new IllegalStateException(algorithm.jcaName() + " is missing from this Java runtime", e);
        }
    }

    public static final class Md5 extends CryptoSignalType {
        public Md5() {
            super(CryptoAlgorithm.MD5);
        }

        @Override
        public List<String> examples() {
            return List.of("d41d8cd98f00b204e9800998ecf8427e", "900150983cd24fb0d6963f7d28e17f72");
        }
    }

    public static final class Sha1 extends CryptoSignalType {
        public Sha1() {
            super(CryptoAlgorithm.SHA1);
        }

        @Override
        public List<String> examples() {
            return List.of("da39a3ee5e6b4b0d3255bfef95601890afd80709", "a9993e364706816aba3e25717850c26c9cd0d89d");
        }
    }

    public static final class Sha256 extends CryptoSignalType {
        public Sha256() {
            super(CryptoAlgorithm.SHA256);
        }

        @Override
        public List<String> examples() {
            return List.of("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        }
    }
}
