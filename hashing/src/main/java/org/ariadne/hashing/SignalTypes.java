package org.ariadne.hashing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The signal types on the class path, found through {@link ServiceLoader} and looked up by name.
 *
 * <p>The set is read once, on first use, and never changes afterwards.
 */
public final class SignalTypes {

    private SignalTypes() {
    }

    private static final class Loaded {
        static final Map<String, SignalType<?>> BY_NAME = load();

        private static Map<String, SignalType<?>> load() {
            Map<String, SignalType<?>> byName = new LinkedHashMap<>();
            for (SignalType<?> type : ServiceLoader.load(SignalType.class, SignalTypes.class.getClassLoader())) {
                SignalType<?> earlier = byName.putIfAbsent(type.name(), type);
                if (earlier != null) {
                    throw new IllegalStateException("two signal types are named '" + type.name() + "': "
                            + earlier.getClass().getName() + " and " + type.getClass().getName());
                }
            }
            return Collections.unmodifiableMap(byName);
        }
    }

    /**
     * The signal type of that name.
     *
     * @throws IllegalArgumentException naming the types that are available, if there is none
     */
    public static SignalType<?> forName(String name) {
        SignalType<?> type = Loaded.BY_NAME.get(name);
        if (type == null) {
            throw new IllegalArgumentException(
                    "unknown signal type '" + name + "'; available: " + String.join(", ", Loaded.BY_NAME.keySet()));
        }
        return type;
    }

    /** The signal type of that name, checked to have the expected value type. */
    public static <V> SignalType<V> forName(String name, Class<V> valueType) {
        SignalType<?> type = forName(name);
        if (!type.valueType().equals(valueType)) {
            throw new IllegalArgumentException("signal type '" + name + "' holds " + type.valueType().getSimpleName()
                    + ", not " + valueType.getSimpleName());
        }
        @SuppressWarnings("unchecked") // checked just above
        SignalType<V> typed = (SignalType<V>) type;
        return typed;
    }

    /** Every signal type, in class-path order. */
    public static List<SignalType<?>> all() {
        return List.copyOf(Loaded.BY_NAME.values());
    }

    /** The signal types computed from raw bytes. */
    public static List<ByteSignalType<?>> byteSignals() {
        return Loaded.BY_NAME.values().stream()
                .filter(ByteSignalType.class::isInstance)
                .<ByteSignalType<?>>map(t -> (ByteSignalType<?>) t)
                .toList();
    }
}
