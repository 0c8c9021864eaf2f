package org.ariadne.hashing.crypto;

/** The cryptographic hashes exchanged between agencies (VICS and ICSE carry MD5 and SHA-1; SHA-256 is ours). */
public enum CryptoAlgorithm {
    MD5("md5", "MD5", 16),
    SHA1("sha1", "SHA-1", 20),
    SHA256("sha256", "SHA-256", 32);

    private final String signalName;
    private final String jcaName;
    private final int bytes;

    CryptoAlgorithm(String signalName, String jcaName, int bytes) {
        this.signalName = signalName;
        this.jcaName = jcaName;
        this.bytes = bytes;
    }

    /** The stable signal-type name. */
    public String signalName() {
        return signalName;
    }

    /** The name the Java security providers know it by. */
    String jcaName() {
        return jcaName;
    }

    public int bytes() {
        return bytes;
    }

    public int hexLength() {
        return 2 * bytes;
    }
}
