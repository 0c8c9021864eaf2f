package org.ariadne.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ariadne} command: offline field tools. Each subcommand is a class of its own, listed here.
 */
@Command(name = "ariadne",
        mixinStandardHelpOptions = true,
        versionProvider = Ariadne.Version.class,
        description = "Ariadne: image and video comparison for victim identification.",
        subcommands = {HashCommand.class, MatchCommand.class, VideoMatchCommand.class, TriageCommand.class,
            CommandLine.HelpCommand.class})
public final class Ariadne {

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, false), new PrintWriter(System.err, true)));
    }

    /** Runs a command line, printing to the writers given; returns the exit code. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Ariadne());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(ExitCodes::report);
        try {
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Ariadne.class.getPackage().getImplementationVersion();
            return new String[] {"ariadne " + (version == null ? "(development build)" : version)};
        }
    }
}
