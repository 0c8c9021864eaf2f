package org.ariadne.hashsets;

import java.io.IOException;

/** The file is not a hash set in any format Ariadne reads (as opposed to a hash set with bad records). */
public final class NotAHashSetException extends IOException {

    public NotAHashSetException(String message) {
        super(message);
    }
}
