package org.ariadne.hashing;

/** What a signal type can be extracted from. */
public enum ContentKind {
    /** A still image. */
    PHOTO,
    /** A video. */
    VIDEO,
    /** Any file, read as bytes. */
    FILE
}
