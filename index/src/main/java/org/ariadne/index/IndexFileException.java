package org.ariadne.index;

import java.io.IOException;
import java.nio.file.Path;

/** An index file that cannot be loaded, with a message that says which file and why. */
public final class IndexFileException extends IOException {

    public IndexFileException(Path file, String why) {
        super(file + ": " + why);
    }
}
