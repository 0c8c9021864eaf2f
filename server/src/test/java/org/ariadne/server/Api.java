package org.ariadne.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for the server under test, signing in with HTTP Basic as a given user. */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build(); // Tomcat speaks no h2c
    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    /** An answer: status and body (JSON when it is JSON). */
    public record Answer(int status, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Answer call(String user, String method, String path, Object jsonBody) {
        HttpRequest.BodyPublisher publisher = jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(jsonBody));
        HttpRequest.Builder request = request(user, path).method(method, publisher);
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request.build());
    }

    public Answer get(String user, String path) {
        return call(user, "GET", path, null);
    }

    public Answer post(String user, String path, Object body) {
        return call(user, "POST", path, body == null ? Map.of() : body);
    }

    /** A binary answer (a thumbnail): status, headers and bytes. */
    public record Binary(int status, HttpHeaders headers, byte[] body) {
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A GET whose answer is read as bytes; {@code headers} are name, value, name, value... */
    public Binary getBinary(String user, String path, String... headers) {
        try {
            HttpRequest.Builder request = request(user, path).GET();
            if (headers.length > 0) {
                request.headers(headers);
            }
            HttpResponse<byte[]> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Binary(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A multipart upload: each file under the same field name. */
    public Answer upload(String user, String path, String field, List<Map.Entry<String, byte[]>> files) {
        String boundary = "ariadne-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> file : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                    + file.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.getValue());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(user, path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** Waits until an ingest job is done and returns its status. */
    public JsonNode awaitJob(String user, long job) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            Answer answer = get(user, "/api/ingest/" + job);
            if (answer.status() == 200 && answer.json().get("state").asString().equals("done")) {
                return answer.json();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("ingest job " + job + " not done in time: " + get(user, "/api/ingest/" + job));
    }

    private HttpRequest.Builder request(String user, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (user != null) {
            String[] credentials = user.split(":", 2);
            String password = credentials.length == 2 ? credentials[1] : ServerIT.PASSWORD;
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((credentials[0] + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
