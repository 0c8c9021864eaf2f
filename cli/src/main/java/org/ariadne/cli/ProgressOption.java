package org.ariadne.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * {@code --progress} / {@code --no-progress}. By default the bar shows when standard error is a
 * terminal; Java cannot tell that by itself, so the {@code ariadne} launcher says so through the
 * environment variable {@value #TERMINAL_VARIABLE}.
 */
final class ProgressOption {

    static final String TERMINAL_VARIABLE = "ARIADNE_STDERR_IS_TERMINAL";

    @Option(names = "--progress", negatable = true,
            description = "Show a progress bar on standard error (default: when it is a terminal).")
    Boolean show;

    ProgressBar bar(PrintWriter err, String task, int total) {
        boolean visible = show != null ? show : "1".equals(System.getenv(TERMINAL_VARIABLE));
        return visible ? new ProgressBar(err, task, total) : ProgressBar.hidden();
    }
}
