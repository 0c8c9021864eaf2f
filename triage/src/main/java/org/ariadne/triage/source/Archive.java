package org.ariadne.triage.source;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * An archive about to be read: where its bytes are (a file, or a member held in memory), its size, and how
 * deeply it is nested (1: not nested).
 */
record Archive(SourceItem content, long size, int depth) {

    Archive {
        if (!(content instanceof SourceItem.OnDisk) && !(content instanceof SourceItem.InMemory)) {
            throw new IllegalArgumentException("an archive's bytes are on disk or in memory: " + content);
        }
    }

    /** The archive's name, as its members' names start. */
    String name() {
        return content.name();
    }

    /** The last segment of the name: {@code b.tar.gz} for {@code seized/a.zip!/x/b.tar.gz}. */
    String simpleName() {
        String name = name();
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf(File.separatorChar)) + 1);
    }

    /** The archive's bytes from the start, for a format that streams. */
    InputStream open() throws IOException {
        return switch (content) {
            case SourceItem.OnDisk file -> Files.newInputStream(file.file());
            case SourceItem.InMemory memory -> new ByteArrayInputStream(memory.data(), 0, memory.length());
            case SourceItem.Refused refused -> throw new IllegalStateException(refused.name());
        };
    }

    /** The archive's bytes, for a format that reads them out of order. */
    SeekableByteChannel channel() throws IOException {
        return switch (content) {
            case SourceItem.OnDisk file -> Files.newByteChannel(file.file());
            case SourceItem.InMemory memory -> new SeekableInMemoryByteChannel(memory.data()).truncate(memory.length());
            case SourceItem.Refused refused -> throw new IllegalStateException(refused.name());
        };
    }
}
