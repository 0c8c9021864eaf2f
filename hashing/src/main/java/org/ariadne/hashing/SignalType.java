package org.ariadne.hashing;

import java.util.List;
import java.util.Set;

/**
 * A kind of signal Ariadne extracts from media and compares: a cryptographic hash, a perceptual hash,
 * a descriptor. This is the one extension point for all of them.
 *
 * <p>A signal type is small: a stable name, the kinds of content it applies to, how its values are
 * written and read, and the reference comparison. Fast matching over many values belongs to an index,
 * not here. Extracting values is offered through capability interfaces such as {@link ByteSignalType}.
 *
 * <p>To add one: implement this interface (or a capability interface) in a public class with a public
 * no-argument constructor, list the class in {@code META-INF/services/org.ariadne.hashing.SignalType},
 * and add a five-line subclass of {@code SignalTypeConformanceTest}. Nothing else needs to change:
 * {@link SignalTypes#forName} finds it. The name is stored in databases and exports; never rename one.
 *
 * @param <V> the in-memory value type (a record; never a bare string or array)
 */
public interface SignalType<V> {

    /** The stable name, lower case: {@code md5}, {@code pdq}. */
    String name();

    /** The kinds of content this signal can be extracted from. */
    Set<ContentKind> appliesTo();

    Class<V> valueType();

    /**
     * Reads a value from its canonical text form (and from the tolerated variants, such as upper case).
     *
     * @throws IllegalArgumentException naming the signal type and what is wrong with the text
     */
    V parse(String text);

    /** The canonical text form, as stored in the database and written in exports. */
    String format(V value);

    /** The reference comparison: 0 for identical values, larger for less alike ones. Symmetric. */
    int distance(V a, V b);

    /** The largest distance at which two values are taken to match by default. */
    int matchThreshold();

    /** Whether two values match at the default threshold. */
    default boolean matches(V a, V b) {
        return distance(a, b) <= matchThreshold();
    }

    /** A few valid values in canonical form, for documentation and the conformance tests. */
    List<String> examples();
}
