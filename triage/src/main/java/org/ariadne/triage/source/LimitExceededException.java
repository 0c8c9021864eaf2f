package org.ariadne.triage.source;

import java.io.IOException;

/**
 * An archive went past a {@link SourceLimits limit} (a bomb, too many entries): the rest of it, and of
 * every archive it is nested in, is not read. The message is the reason the report shows.
 */
final class LimitExceededException extends IOException {

    LimitExceededException(String reason) {
        super(reason);
    }
}
