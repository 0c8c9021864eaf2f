package org.ariadne.triage.source;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/** One thing to hash, named as the report will name it. */
public sealed interface SourceItem {

    /**
     * The name the report shows: a folder file's path as given, an archive member's
     * {@code <archive name>!/<member path>}.
     */
    String name();

    /**
     * A file on disk: a regular file of a source folder, or an archive member too large to hold in memory,
     * spooled to a temporary file ({@code temporary}: the consumer deletes it once hashed).
     */
    record OnDisk(String name, Path file, boolean temporary) implements SourceItem {

        public OnDisk {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(file, "file");
        }
    }

    /**
     * An archive member read into memory ({@code data[0..length)}). The buffer may be longer than the
     * member, so that a member need not be copied once read; equality compares the member's bytes.
     */
    record InMemory(String name, byte[] data, int length) implements SourceItem {

        public InMemory {
            Objects.requireNonNull(name, "name");
            Objects.checkFromIndexSize(0, length, data.length);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof InMemory that && name.equals(that.name)
                    && Arrays.equals(data, 0, length, that.data, 0, that.length);
        }

        @Override
        public int hashCode() {
            int hash = name.hashCode();
            for (int i = 0; i < length; i++) {
                hash = 31 * hash + data[i];
            }
            return hash;
        }

        @Override
        public String toString() {
            return "InMemory[name=" + name + ", length=" + length + "]";
        }
    }

    /**
     * Something refused or unreadable, with why in words for the report (zip slip, symbolic link out of
     * the source, archive bomb, corrupt archive, nested too deep, unreadable folder). {@code size} is -1
     * when unknown.
     */
    record Refused(String name, long size, String reason) implements SourceItem {

        public Refused {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
