package org.ariadne.triage.source;

import java.io.EOFException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Failures put in words for a report read by people who did not write this code. */
final class Reasons {

    private Reasons() {
    }

    /** What went wrong, without the path a file-system exception repeats (the item is named already). */
    static String of(Throwable failure) {
        return switch (failure) {
            case AccessDeniedException e -> "permission denied";
            case NoSuchFileException e -> "no such file or folder";
            case EOFException e when e.getMessage() == null -> "truncated: the data ends too early";
            case FileSystemException e when e.getReason() != null -> e.getReason();
            default -> failure.getMessage() == null || failure.getMessage().isBlank()
                    ? failure.getClass().getSimpleName()
                    : failure.getMessage();
        };
    }
}
