package org.ariadne.triage.source;

import java.io.IOException;

/**
 * A member's content could not be read. The member has been reported refused already; a format whose
 * members do not depend on each other goes on with the next one, a streamed one ends there (what follows
 * the damage cannot be trusted to be found).
 */
final class CorruptMemberException extends IOException {

    CorruptMemberException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
