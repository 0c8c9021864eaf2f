package org.ariadne.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ariadne.media.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The packaged server, killed outright (SIGKILL) in the middle of an ingest, resumes it on restart: every
 * file ingested once, nothing lost, nothing counted twice.
 */
class CrashRecoveryIT {

    private static final int FILES = 60;

    /** Alice's first case: the demo creates her before her cases, so the case may take a moment longer. */
    private static long firstCase(Api api) throws InterruptedException {
        for (int attempt = 0; attempt < 300; attempt++) {
            var cases = api.get("alice:ariadne-demo", "/api/cases").json();
            if (cases.size() > 0) {
                return cases.get(0).get("id").asLong();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the demo made no case for alice within 30 s");
    }

    @Test
    void aServerKilledDuringAnIngestResumesItOnRestart(@TempDir Path data) throws Exception {
        int port = freePort();
        Api api = new Api(port);
        Process server = start(data, port);
        try {
            awaitUp(api, "alice:" + "ariadne-demo");
            long caseId = firstCase(api);
            List<Map.Entry<String, byte[]>> files = new ArrayList<>();
            for (int i = 0; i < FILES; i++) {
                BufferedImage picture = TestImages.pattern(1600, 1200, 1000 + i, BufferedImage.TYPE_INT_RGB);
                files.add(Map.entry("generated-" + i + ".jpg", TestImages.encode(picture, "jpg")));
            }
            Api.Answer upload = api.upload("alice:ariadne-demo", "/api/cases/" + caseId + "/uploads", "files", files);
            assertThat(upload.status()).as(upload.toString()).isEqualTo(202);
            long job = upload.json().get("id").asLong();

            int doneAtKill = awaitSomeDone(api, job);
            server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            assertThat(doneAtKill).as("killed mid-ingest").isBetween(1, FILES - 1);

            server = start(data, port);
            awaitUp(api, "alice:ariadne-demo");
            JsonNode done = api.awaitJob("alice:ariadne-demo", job);

            assertThat(done.get("files_done").asInt()).isEqualTo(FILES);
            assertThat(done.get("media").asInt()).isEqualTo(FILES);
            assertThat(done.get("problems").size()).isZero();
            int results = 0;
            for (JsonNode group : done.get("results")) {
                results += group.size();
            }
            assertThat(results).isEqualTo(FILES);
            JsonNode series = api.get("alice:ariadne-demo", "/api/statistics").json();
            assertThat(series.get("media").asInt()).isGreaterThanOrEqualTo(FILES);
        } finally {
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static Process start(Path data, int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xmx1g", "-jar",
                System.getProperty("ariadne.server.jar"), "serve", "--demo", "--data", data.toString(),
                "--port", Integer.toString(port), "--reference", System.getProperty("ariadne.reference"));
        builder.environment().put("ARIADNE_INGEST_THREADS", "1"); // slow enough to be caught mid-way
        builder.redirectErrorStream(true).redirectOutput(data.resolve("server-" + System.nanoTime() + ".log").toFile());
        return builder.start();
    }

    private static void awaitUp(Api api, String user) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (api.get(user, "/api/me").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // connection refused while starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the server did not start");
    }

    private static int awaitSomeDone(Api api, long job) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            int done = api.get("alice:ariadne-demo", "/api/ingest/" + job).json().get("files_done").asInt();
            if (done >= 3) {
                return done;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the ingest did not start");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
