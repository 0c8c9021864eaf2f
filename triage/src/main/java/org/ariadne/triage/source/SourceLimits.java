package org.ariadne.triage.source;

/**
 * How far {@link Sources} goes into archives before it refuses them.
 *
 * @param maxMemberBytesInMemory members up to this size are handed over in memory, larger ones spooled to
 *                               a temporary file; a nested archive stays in memory up to this size divided
 *                               by {@code maxDepth}, so that every level of a nesting together holds no more
 * @param maxArchiveBytes        bytes a top-level archive may expand to, its nested archives included
 * @param maxRatio               bytes expanded per byte of archive read, for each member and for a top-level
 *                               archive as a whole, beyond which it is an archive bomb
 * @param maxDepth               levels of archives, the top-level one counting as 1
 * @param maxEntries             entries a top-level archive may hold, its nested archives' included
 */
public record SourceLimits(long maxMemberBytesInMemory, long maxArchiveBytes, long maxRatio, int maxDepth,
                           long maxEntries) {

    /** The largest array Java allocates. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    /** A photo or a short video is held in memory; a film or a disk image is spooled to disk instead. */
    private static final long DEFAULT_IN_MEMORY = 256L << 20;
    /**
     * Seized archives seen in practice expand to a few tens of GiB; beyond this, it is a bomb, or a disk
     * image better mounted and given as a folder.
     */
    private static final long DEFAULT_ARCHIVE_BYTES = 64L << 30;
    /**
     * Photos and videos hardly compress (a ratio near 1), text and documents rarely beyond 20, and deflate
     * cannot exceed about 1,032: 200 lets honest members through and stops a bomb within a few MiB.
     */
    private static final long DEFAULT_RATIO = 200;
    /** Honest archives of archives nest two or three levels; 42.zip-like bombs nest five and more. */
    private static final int DEFAULT_DEPTH = 8;
    /**
     * A phone extraction may hold a few hundred thousand files; a million bounds the work, and the memory
     * a zip's central directory takes (it is read whole, about half a KiB an entry).
     */
    private static final long DEFAULT_ENTRIES = 1_000_000;

    public static final SourceLimits DEFAULT = new SourceLimits(DEFAULT_IN_MEMORY, DEFAULT_ARCHIVE_BYTES,
            DEFAULT_RATIO, DEFAULT_DEPTH, DEFAULT_ENTRIES);

    public SourceLimits {
        if (maxMemberBytesInMemory < 0 || maxMemberBytesInMemory > MAX_ARRAY) {
            throw new IllegalArgumentException("maxMemberBytesInMemory must be between 0 and " + MAX_ARRAY
                    + ": " + maxMemberBytesInMemory);
        }
        if (maxArchiveBytes < 1 || maxRatio < 1 || maxDepth < 1 || maxEntries < 1) {
            throw new IllegalArgumentException("archive limits must be positive: " + maxArchiveBytes + " bytes, ratio "
                    + maxRatio + ", depth " + maxDepth + ", " + maxEntries + " entries");
        }
    }

    /** Up to how many bytes a nested archive is read from memory rather than spooled (see the class comment). */
    long nestedArchiveBytesInMemory() {
        return maxMemberBytesInMemory / maxDepth;
    }
}
