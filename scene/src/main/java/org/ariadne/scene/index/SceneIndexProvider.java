package org.ariadne.scene.index;

import java.io.IOException;
import java.nio.file.Path;
import org.ariadne.index.SignalIndex;
import org.ariadne.index.SignalIndexProvider;
import org.ariadne.scene.SceneSignalType;

/** Registers {@link SceneIndex} with {@link java.util.ServiceLoader} under the name {@code scene_orb}. */
public final class SceneIndexProvider implements SignalIndexProvider {

    @Override
    public String signalName() {
        return SceneSignalType.NAME;
    }

    @Override
    public SignalIndex<?> create() {
        return new SceneIndex();
    }

    @Override
    public SignalIndex<?> read(Path file) throws IOException {
        return SceneIndex.read(file);
    }
}
