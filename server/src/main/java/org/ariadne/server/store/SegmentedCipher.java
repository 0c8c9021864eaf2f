package org.ariadne.server.store;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KDF;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.HKDFParameterSpec;

/**
 * AES-256-GCM over a stream, one segment at a time, so that a multi-gigabyte video is neither held in
 * memory to encrypt nor to decrypt (a single GCM message must be read whole before its tag says it may be
 * trusted).
 *
 * <p>Format, version 1: {@code "ARSTORE1"}, a random 32-byte salt, then segments of {@link #SEGMENT}
 * plaintext bytes (the last one shorter, possibly empty), each sealed with its own 16-byte tag. Each object
 * has its own key, derived from the store key and the salt with HKDF-SHA256, so nonces never repeat across
 * objects; a segment's nonce is its index and whether it is the last, so segments cannot be reordered,
 * dropped or the object cut short without the tag check failing.
 */
final class SegmentedCipher {

    static final byte[] MAGIC = {'A', 'R', 'S', 'T', 'O', 'R', 'E', '1'};
    static final int SEGMENT = 1 << 20;
    private static final int SALT = 32;
    private static final int TAG_BITS = 128;
    private static final int TAG = TAG_BITS / 8;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    SegmentedCipher(SecretKey key) {
        this.key = key;
    }

    void encrypt(InputStream in, OutputStream out) throws IOException {
        byte[] salt = new byte[SALT];
        random.nextBytes(salt);
        out.write(MAGIC);
        out.write(salt);
        SecretKey objectKey = derive(salt);
        byte[] current = new byte[SEGMENT];
        byte[] next = new byte[SEGMENT];
        int currentLength = in.readNBytes(current, 0, SEGMENT);
        long index = 0;
        while (true) {
            // read ahead one segment: the last one must be marked as such before it is sealed
            int nextLength = currentLength < SEGMENT ? 0 : in.readNBytes(next, 0, SEGMENT);
            boolean last = nextLength == 0;
            out.write(seal(objectKey, index, last, current, currentLength));
            if (last) {
                return;
            }
            byte[] swap = current;
            current = next;
            next = swap;
            currentLength = nextLength;
            index++;
        }
    }

    InputStream decrypt(InputStream in) throws IOException {
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            in.close();
            throw new IOException("not a stored media object (bad header)");
        }
        byte[] salt = in.readNBytes(SALT);
        if (salt.length != SALT) {
            in.close();
            throw new EOFException("stored media object cut short in its header");
        }
        return new Decrypting(in, derive(salt));
    }

    private SecretKey derive(byte[] salt) throws IOException {
        try {
            KDF hkdf = KDF.getInstance("HKDF-SHA256");
            return hkdf.deriveKey("AES", HKDFParameterSpec.ofExtract().addIKM(key).addSalt(salt)
                    .thenExpand("ariadne media store v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 32));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot derive the object key", e);
        }
    }

    private static byte[] seal(SecretKey objectKey, long index, boolean last, byte[] data, int length)
            throws IOException {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, objectKey, new GCMParameterSpec(TAG_BITS, nonce(index, last)));
            return cipher.doFinal(data, 0, length);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot encrypt", e);
        }
    }

    private static byte[] nonce(long index, boolean last) {
        return ByteBuffer.allocate(12).putLong(index).put((byte) (last ? 1 : 0)).array();
    }

    /** Reads one sealed segment ahead, so it knows whether the one it opens is the last. */
    private static final class Decrypting extends InputStream {
        private final InputStream in;
        private final SecretKey objectKey;
        private byte[] sealedNext;
        private byte[] plain = new byte[0];
        private int position;
        private long index;
        private boolean finished;

        Decrypting(InputStream in, SecretKey objectKey) throws IOException {
            this.in = in;
            this.objectKey = objectKey;
            this.sealedNext = in.readNBytes(SEGMENT + TAG);
        }

        private boolean fill() throws IOException {
            while (position == plain.length) {
                if (finished) {
                    return false;
                }
                byte[] sealed = sealedNext;
                if (sealed.length < TAG) {
                    throw new EOFException("stored media object cut short");
                }
                sealedNext = sealed.length == SEGMENT + TAG ? in.readNBytes(SEGMENT + TAG) : new byte[0];
                boolean last = sealedNext.length == 0;
                try {
                    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                    cipher.init(Cipher.DECRYPT_MODE, objectKey, new GCMParameterSpec(TAG_BITS, nonce(index, last)));
                    plain = cipher.doFinal(sealed);
                } catch (GeneralSecurityException e) {
                    throw new IOException("stored media object fails its integrity check (segment " + index + ")", e);
                }
                position = 0;
                index++;
                finished = last;
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            return fill() ? plain[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(length, plain.length - position);
            System.arraycopy(plain, position, buffer, offset, n);
            position += n;
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
