package org.ariadne.scene;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * A visual vocabulary: a tree of binary centres that turns a 256-bit ORB descriptor into a word, the
 * leaf it falls in. At each level the descriptor goes to the nearest of {@code branching} centres by
 * Hamming distance, so a lookup costs {@code branching x depth} comparisons, not one per word.
 *
 * <p>File format (the resource {@value #RESOURCE} is the default vocabulary), little-endian:
 * <pre>
 * magic       8 bytes  "ARIADVOC"
 * version     u16      1
 * branching   u16
 * depth       u16
 * centres     the centres of each level in turn, branching^1 .. branching^depth of them, 32 bytes each
 *             (children of node n of a level are nodes n*branching .. n*branching+branching-1 of the next)
 * checksum    u32      CRC-32C of everything before it; also the vocabulary's {@link #id()}
 * </pre>
 * Words are stored in 16 bits, so a vocabulary has at most 65,536 of them. Immutable and thread-safe.
 */
public final class Vocabulary {

    /** Where the default vocabulary lives on the class path. */
    public static final String RESOURCE = "/org/ariadne/scene/orb-words-v1.bin";
    private static final byte[] MAGIC = "ARIADVOC".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    /** Bytes of an ORB descriptor. */
    public static final int DESCRIPTOR_BYTES = 32;
    static final int DESCRIPTOR_LONGS = DESCRIPTOR_BYTES / Long.BYTES;
    private static final int MAX_WORDS = 1 << 16;

    private final int branching;
    private final int depth;
    /** Per level, its centres one after another, four longs each. */
    private final long[][] levels;
    private final int id;

    Vocabulary(int branching, int depth, long[][] levels) {
        if (branching < 2 || depth < 1 || Math.pow(branching, depth) > MAX_WORDS) {
            throw new IllegalArgumentException("a vocabulary needs branching >= 2, depth >= 1 and at most "
                    + MAX_WORDS + " words, not " + branching + "^" + depth);
        }
        this.branching = branching;
        this.depth = depth;
        this.levels = levels;
        for (int level = 0; level < depth; level++) {
            if (levels[level].length != (int) Math.pow(branching, level + 1) * DESCRIPTOR_LONGS) {
                throw new IllegalArgumentException("level " + level + " has " + levels[level].length / DESCRIPTOR_LONGS + " centres");
            }
        }
        this.id = (int) checksum(body());
    }

    private static final class Default {
        static final Vocabulary INSTANCE = load();

        private static Vocabulary load() {
            try (InputStream in = Vocabulary.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the default vocabulary " + RESOURCE + " is missing from the class path");
                }
                return decode(in.readAllBytes(), RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The vocabulary shipped with Ariadne (trained on benign wallpaper photos, see bench/README.md). */
    public static Vocabulary standard() {
        return Default.INSTANCE;
    }

    /** Number of words: branching^depth. */
    public int size() {
        return (int) Math.pow(branching, depth);
    }

    /** Identifies the vocabulary (its checksum): words of two vocabularies cannot be compared. */
    public int id() {
        return id;
    }

    /** The word of the descriptor at {@code offset} in {@code descriptors} (four longs). */
    public int word(long[] descriptors, int offset) {
        int node = 0;
        for (int level = 0; level < depth; level++) {
            long[] centres = levels[level];
            int first = node * branching;
            int best = first;
            int bestDistance = Integer.MAX_VALUE;
            for (int c = first; c < first + branching; c++) {
                int d = hamming(centres, c * DESCRIPTOR_LONGS, descriptors, offset);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = c;
                }
            }
            node = best;
        }
        return node;
    }

    static int hamming(long[] a, int aOffset, long[] b, int bOffset) {
        return Long.bitCount(a[aOffset] ^ b[bOffset]) + Long.bitCount(a[aOffset + 1] ^ b[bOffset + 1])
                + Long.bitCount(a[aOffset + 2] ^ b[bOffset + 2]) + Long.bitCount(a[aOffset + 3] ^ b[bOffset + 3]);
    }

    /** Writes the vocabulary in its file format. */
    public void write(Path file) throws IOException {
        ByteBuffer body = body();
        ByteBuffer out = ByteBuffer.allocate(body.remaining() + 4).order(ByteOrder.LITTLE_ENDIAN);
        out.put(body.duplicate()).putInt(id);
        Files.write(file, out.array());
    }

    /** Reads a vocabulary file. */
    public static Vocabulary read(Path file) throws IOException {
        return decode(Files.readAllBytes(file), file.toString());
    }

    private ByteBuffer body() {
        int centres = 0;
        for (long[] level : levels) {
            centres += level.length / DESCRIPTOR_LONGS;
        }
        ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 6 + centres * DESCRIPTOR_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).putShort((short) VERSION).putShort((short) branching).putShort((short) depth);
        for (long[] level : levels) {
            for (long l : level) {
                out.putLong(l);
            }
        }
        return out.flip();
    }

    private static long checksum(ByteBuffer body) {
        CRC32C crc = new CRC32C();
        crc.update(body.duplicate());
        return crc.getValue();
    }

    static Vocabulary decode(byte[] bytes, String source) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < MAGIC.length + 10 || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IllegalArgumentException(source + ": not an Ariadne vocabulary");
        }
        in.position(MAGIC.length);
        int version = Short.toUnsignedInt(in.getShort());
        if (version != VERSION) {
            throw new IllegalArgumentException(source + ": vocabulary version " + version + ", this Ariadne reads " + VERSION);
        }
        int branching = Short.toUnsignedInt(in.getShort());
        int depth = Short.toUnsignedInt(in.getShort());
        if (branching < 2 || depth < 1 || Math.pow(branching, depth) > MAX_WORDS) {
            throw new IllegalArgumentException(source + ": corrupt vocabulary shape " + branching + "^" + depth);
        }
        long expected = MAGIC.length + 6L + 4;
        for (int level = 1; level <= depth; level++) {
            expected += (long) Math.pow(branching, level) * DESCRIPTOR_BYTES;
        }
        if (bytes.length != expected) {
            throw new IllegalArgumentException(source + ": a " + branching + "^" + depth + " vocabulary has "
                    + expected + " bytes, this file " + bytes.length);
        }
        long[][] levels = new long[depth][];
        for (int level = 0; level < depth; level++) {
            levels[level] = new long[(int) Math.pow(branching, level + 1) * DESCRIPTOR_LONGS];
            for (int i = 0; i < levels[level].length; i++) {
                levels[level][i] = in.getLong();
            }
        }
        int stored = in.getInt();
        Vocabulary vocabulary = new Vocabulary(branching, depth, levels);
        if (vocabulary.id != stored) {
            throw new IllegalArgumentException(source + ": corrupt vocabulary (checksum mismatch)");
        }
        return vocabulary;
    }
}
