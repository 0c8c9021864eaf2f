package org.ariadne.cli;

import org.ariadne.triage.TriageException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** The exit codes of every command, and the one place where exceptions become exit codes. */
final class ExitCodes {

    /** The run completed; files that could not be hashed are reported in their records. */
    static final int OK = 0;
    /** Something went wrong that is not the user's input: a bug or the machine. */
    static final int FAILURE = 1;
    /**
     * The command line is wrong (bad option, a path that does not exist, a file given as a hash set that is
     * none). Nothing was done.
     */
    static final int USAGE = 2;

    private ExitCodes() {
    }

    /** A problem with what the user asked for: reported as one line, without a stack trace. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    static int report(Exception e, CommandLine command, ParseResult parsed) {
        if (e instanceof UsageException || e instanceof TriageException) {
            command.getErr().println("ariadne: " + e.getMessage());
            return USAGE;
        }
        command.getErr().println("ariadne: internal error: " + e);
        return FAILURE;
    }
}
