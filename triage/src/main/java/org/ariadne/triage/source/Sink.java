package org.ariadne.triage.source;

import java.util.function.Consumer;

/**
 * The consumer the items go to, kept apart: what it throws passes through the walk untouched, never
 * taken for the failure of an archive being read.
 */
final class Sink {

    private final Consumer<SourceItem> consumer;

    Sink(Consumer<SourceItem> consumer) {
        this.consumer = consumer;
    }

    void accept(SourceItem item) {
        try {
            consumer.accept(item);
        } catch (RuntimeException e) {
            throw new Failure(e);
        }
    }

    /** The consumer failed: {@link Sources#walk} rethrows its exception as it was. */
    static final class Failure extends RuntimeException {

        Failure(RuntimeException cause) {
            super(cause);
        }

        RuntimeException consumerFailure() {
            return (RuntimeException) getCause();
        }
    }
}
