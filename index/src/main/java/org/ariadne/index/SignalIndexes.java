package org.ariadne.index;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

/** The index providers on the class path, found through {@link ServiceLoader} and looked up by signal name. */
public final class SignalIndexes {

    private SignalIndexes() {
    }

    private static final class Loaded {
        static final Map<String, SignalIndexProvider> BY_SIGNAL = load();

        private static Map<String, SignalIndexProvider> load() {
            Map<String, SignalIndexProvider> bySignal = new LinkedHashMap<>();
            for (SignalIndexProvider p : ServiceLoader.load(SignalIndexProvider.class, SignalIndexes.class.getClassLoader())) {
                SignalIndexProvider earlier = bySignal.putIfAbsent(p.signalName(), p);
                if (earlier != null) {
                    throw new IllegalStateException("two indexes for signal '" + p.signalName() + "': "
                            + earlier.getClass().getName() + " and " + p.getClass().getName());
                }
            }
            return Collections.unmodifiableMap(bySignal);
        }
    }

    /**
     * The index provider for that signal type.
     *
     * @throws IllegalArgumentException naming the signals that have one, if there is none
     */
    public static SignalIndexProvider forSignal(String signalName) {
        SignalIndexProvider provider = Loaded.BY_SIGNAL.get(signalName);
        if (provider == null) {
            throw new IllegalArgumentException("no index for signal '" + signalName + "'; indexes exist for: "
                    + String.join(", ", Loaded.BY_SIGNAL.keySet()));
        }
        return provider;
    }
}
