package org.ariadne.hashing;

/** A value of a signal type, kept with its type so that it can be compared and written. */
public record SignalValue<V>(SignalType<V> type, V value) {

    public String name() {
        return type.name();
    }

    /** The canonical text form. */
    public String canonical() {
        return type.format(value);
    }
}
