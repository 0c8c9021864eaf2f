package org.ariadne.hashing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * What every signal type must do. A new signal type's test is a subclass that names the type, a few
 * malformed texts, and values known from a published source (never from our own output).
 */
public abstract class SignalTypeConformanceTest<V> {

    /** The type under test, as {@link SignalTypes#forName} finds it. */
    protected abstract String name();

    /** Texts the type must refuse. */
    protected abstract List<String> malformed();

    /** Two different valid values in canonical form. */
    protected abstract List<String> twoDistinctValues();

    private SignalType<?> type() {
        return SignalTypes.forName(name());
    }

    @Test
    void isFoundByItsStableName() {
        SignalType<?> type = type();
        assertThat(type.name()).isEqualTo(name());
        assertThat(type.name()).matches("[a-z][a-z0-9_]*");
        assertThat(SignalTypes.all()).contains(type);
    }

    @Test
    void appliesToSomething() {
        assertThat(type().appliesTo()).isNotEmpty();
    }

    @Test
    void examplesRoundTripThroughTheCanonicalForm() {
        roundTrip(type());
    }

    private static <V> void roundTrip(SignalType<V> type) {
        assertThat(type.examples()).isNotEmpty();
        for (String example : type.examples()) {
            V value = type.parse(example);
            assertThat(type.valueType()).isInstanceOf(Class.class);
            assertThat(value).isInstanceOf(type.valueType());
            assertThat(type.format(value)).isEqualTo(example);
            assertThat(type.parse(type.format(value))).isEqualTo(value);
        }
    }

    @Test
    void toleratesUpperCaseAndSurroundingSpace() {
        tolerant(type());
    }

    private static <V> void tolerant(SignalType<V> type) {
        for (String example : type.examples()) {
            V value = type.parse("  " + example.toUpperCase(Locale.ROOT) + "\t");
            assertThat(type.format(value)).isEqualTo(example);
        }
    }

    @Test
    void refusesMalformedTextNamingTheType() {
        for (String text : malformed()) {
            assertThatThrownBy(() -> type().parse(text))
                    .as("parsing %s", text)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(name());
        }
        assertThatThrownBy(() -> type().parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void distanceIsZeroForEqualValuesSymmetricAndMatchesAtZero() {
        distances(type(), twoDistinctValues());
    }

    private static <V> void distances(SignalType<V> type, List<String> texts) {
        V a = type.parse(texts.get(0));
        V b = type.parse(texts.get(1));
        assertThat(type.distance(a, a)).isZero();
        assertThat(type.distance(a, type.parse(texts.get(0)))).isZero();
        assertThat(type.distance(a, b)).isPositive().isEqualTo(type.distance(b, a));
        assertThat(type.matches(a, a)).isTrue();
        assertThat(type.matchThreshold()).isNotNegative();
    }
}
