package org.ariadne.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ariadne.server.agencies.Agencies;
import org.ariadne.server.security.Accounts;
import org.ariadne.server.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: one real server (embedded PostgreSQL in a fresh data folder, Tomcat on a
 * random port) shared by every test class, reached over HTTP. Each test makes its own agencies and users
 * (names made unique by a counter), so tests do not see each other's data unless they share it.
 */
@SpringBootTest(classes = ServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.Configuration.class)
public abstract class ServerIT {

    public static final String PASSWORD = "correct horse battery staple";
    private static final Path DATA;
    private static int counter;

    static {
        try {
            Files.createDirectories(Path.of("target"));
            DATA = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "it-data-");
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void data(DynamicPropertyRegistry registry) {
        // a test class whose properties differ gets a second server, which names its own folder in
        // ariadne.it.data: two embedded databases cannot share one (subclasses' sources are read first)
        registry.add("ariadne.data", () -> "${ariadne.it.data:" + DATA + "}");
        registry.add("ariadne.ingest.threads", () -> 2);
        registry.add("ariadne.admin.password", () -> PASSWORD);
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected Agencies agencies;
    @Autowired
    protected Accounts accounts;

    protected Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    /** A new agency and its user with the roles given; returns the user name (password {@link #PASSWORD}). */
    protected String agencyWithUser(String country, Role... roles) {
        int n;
        synchronized (ServerIT.class) {
            n = ++counter;
        }
        long agency = agencies.create(country, "Test agency " + n + " (" + country + ")", "desk-" + n + "@example.test");
        String username = "user" + n;
        accounts.create(agency, username, "User " + n, PASSWORD,
                roles.length == 0 ? EnumSet.of(Role.CONTRIBUTOR, Role.SPECIALIST, Role.AGENCY_ADMIN) : Set.of(roles));
        return username;
    }

    protected String colleagueOf(String user, String name, Role... roles) {
        long agency = accounts.loadUserByUsername(user).agencyId();
        accounts.create(agency, name, name, PASSWORD, Set.of(roles));
        return name;
    }

    protected long createCase(String user, String reference) {
        Api.Answer answer = api.post(user, "/api/cases", Map.of("reference", reference, "title", reference));
        if (answer.status() != 201) {
            throw new AssertionError(answer);
        }
        return answer.json().get("id").asLong();
    }

    protected long createSeries(String user, long caseId, String name, String sharing) {
        Api.Answer answer = api.post(user, "/api/series", Map.of("case_id", caseId, "name", name, "sharing", sharing));
        if (answer.status() != 201) {
            throw new AssertionError(answer);
        }
        return answer.json().get("id").asLong();
    }

    /** A new case and series of the user's with the files ingested; returns the series' id. */
    protected long seriesWith(String user, String name, String sharing, List<Map.Entry<String, byte[]>> files) {
        long caseId = createCase(user, name);
        long series = createSeries(user, caseId, name, sharing);
        ingest(user, caseId, series, files);
        return series;
    }

    /** Uploads files into a case and series and waits for the ingest to finish. */
    protected tools.jackson.databind.JsonNode ingest(String user, long caseId, long seriesId,
                                                      List<Map.Entry<String, byte[]>> files) {
        Api.Answer answer = api.upload(user, "/api/cases/" + caseId + "/uploads?series=" + seriesId, "files", files);
        if (answer.status() != 202) {
            throw new AssertionError(answer);
        }
        return api.awaitJob(user, answer.json().get("id").asLong());
    }

    protected static Path reference() {
        return Path.of(System.getProperty("ariadne.reference", "../../shared/reference"));
    }

    protected static Map.Entry<String, byte[]> referencePhoto(String relative) {
        try {
            Path file = reference().resolve("pdq").resolve(relative);
            return Map.entry(file.getFileName().toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The newest audit entry written for an agency. */
    protected Map<String, Object> lastAuditOf(String user) {
        long agency = accounts.loadUserByUsername(user).agencyId();
        return jdbc.sql("select action, target, outcome from audit_entry where agency_id = ? order by seq desc limit 1")
                .param(agency).query().singleRow();
    }
}
