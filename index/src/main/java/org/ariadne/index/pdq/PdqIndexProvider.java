package org.ariadne.index.pdq;

import java.io.IOException;
import java.nio.file.Path;
import org.ariadne.index.SignalIndex;
import org.ariadne.index.SignalIndexProvider;

/** Makes {@link PdqIndex}es; found through {@link java.util.ServiceLoader} under the name {@code pdq}. */
public final class PdqIndexProvider implements SignalIndexProvider {

    @Override
    public String signalName() {
        return PdqIndex.SIGNAL;
    }

    @Override
    public SignalIndex<?> create() {
        return new PdqIndex();
    }

    @Override
    public SignalIndex<?> read(Path file) throws IOException {
        return PdqIndex.read(file);
    }
}
