package org.ariadne.server;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ariadne.server.audit.AuditVerification;
import org.ariadne.server.database.DatabaseSettings;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The server's command line: {@code serve} runs the shared database, {@code audit verify} checks its audit
 * log. The {@code ariadne} launcher hands these two commands to this jar, so that the offline tools never
 * load Spring.
 */
@Command(name = "ariadne", mixinStandardHelpOptions = true,
        description = "Ariadne server: the shared image and video database.",
        subcommands = {AriadneServer.Serve.class, AriadneServer.Audit.class, CommandLine.HelpCommand.class})
public final class AriadneServer {

    static final int OK = 0;
    static final int FAILURE = 1;

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new AriadneServer());
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            // one line for the user; the cause's class says where to look
            command.getErr().println("ariadne: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return FAILURE;
        });
        int code = cli.execute(args);
        if (code != OK || args.length == 0 || !"serve".equals(args[0])) {
            System.exit(code);
        }
        // serve: the web server's threads keep the process alive until it is stopped
    }

    /** Where the data lives and which database to use; shared by every command. */
    static final class DatabaseOptions {
        @Option(names = "--data", defaultValue = "${env:ARIADNE_DATA:-ariadne-data}",
                description = "Data folder: the embedded database, the media store and its key (default: ${DEFAULT-VALUE}).")
        Path data;

        @Option(names = "--db-url", defaultValue = "${env:ARIADNE_DB_URL}",
                description = "JDBC URL of an external PostgreSQL (or ARIADNE_DB_URL); without it an embedded "
                        + "PostgreSQL runs in the data folder.")
        String url;

        @Option(names = "--db-user", defaultValue = "${env:ARIADNE_DB_USER}", description = "Database user (or ARIADNE_DB_USER).")
        String user;

        @Option(names = "--db-password", defaultValue = "${env:ARIADNE_DB_PASSWORD}", arity = "0..1", interactive = true,
                description = "Database password (or ARIADNE_DB_PASSWORD; prompted when given without a value).")
        String password;

        DatabaseSettings settings() {
            return new DatabaseSettings(data.toAbsolutePath().normalize(), url, user, password);
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Run the server: REST API under /api, OpenAPI description at /api/docs.")
    static final class Serve implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--demo", description = "Load synthetic agencies, users, cases and series built from the "
                + "benign reference photos, and print the demo logins.")
        boolean demo;

        @Option(names = "--reference", defaultValue = "../shared/reference",
                description = "Reference data folder the demo reads its photos from (default: ${DEFAULT-VALUE}).")
        Path reference;

        @Override
        public Integer call() {
            Map<String, Object> properties = new HashMap<>(database.settings().asProperties());
            properties.put("server.port", port);
            properties.put("ariadne.demo.enabled", demo);
            properties.put("ariadne.demo.reference", reference.toAbsolutePath().normalize().toString());
            SpringApplication application = new SpringApplication(ServerApplication.class);
            application.setDefaultProperties(properties);
            ConfigurableApplicationContext context = application.run();
            return context.isRunning() ? OK : FAILURE;
        }
    }

    @Command(name = "audit", mixinStandardHelpOptions = true, description = "Audit log commands.",
            subcommands = {Verify.class})
    static final class Audit {
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check the audit log's hash chain: exit 0 if intact, 1 naming the first entry altered, "
                    + "removed or moved.")
    static final class Verify implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            // a command-line tool: the embedded database's start and stop are not news
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                    .setLevel(ch.qos.logback.classic.Level.WARN);
            AuditVerification.Result result = AuditVerification.run(database.settings());
            spec.commandLine().getOut().println(result.message());
            spec.commandLine().getOut().flush();
            return result.intact() ? OK : FAILURE;
        }
    }
}
