package org.ariadne.index;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Makes the index for one signal type. To add an index: implement this in a public class with a public
 * no-argument constructor, list it in {@code META-INF/services/org.ariadne.index.SignalIndexProvider},
 * and add a subclass of {@code SignalIndexConformanceTest}.
 */
public interface SignalIndexProvider {

    /** The signal type's name, as {@code SignalType.name()} gives it. */
    String signalName();

    /** A new, empty index. */
    SignalIndex<?> create();

    /**
     * Loads an index written by {@link SignalIndex#write}.
     *
     * @throws IndexFileException if the file is not such an index, is of another signal or version, or is
     *     truncated or corrupt
     */
    SignalIndex<?> read(Path file) throws IOException;
}
