package org.ariadne.triage.source;

import java.io.IOException;

/**
 * A member could not be written to the temporary folder (the disk is full, say): the archive itself is
 * fine, so the walk goes on with its next member.
 */
final class SpoolException extends IOException {

    SpoolException(IOException cause) {
        super("could not be spooled to the temporary folder: " + Reasons.of(cause), cause);
    }
}
