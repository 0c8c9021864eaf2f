package org.ariadne.triage;

/** A triage that cannot start or go on as asked (an output folder of another run, a missing source). */
public final class TriageException extends RuntimeException {

    public TriageException(String message) {
        super(message);
    }
}
