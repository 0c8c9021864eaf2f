package org.ariadne.media;

/**
 * A file could not be decoded. The message is written for the person reading the report: it says what
 * is wrong with the file, without a stack trace. Expected for hostile and damaged input; never fatal
 * to a batch.
 */
public final class UndecodableMediaException extends Exception {

    public UndecodableMediaException(String message) {
        super(message);
    }

    public UndecodableMediaException(String message, Throwable cause) {
        super(message, cause);
    }
}
