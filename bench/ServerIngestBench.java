import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Load benchmark of the server (issue 5): PHOTOS distinct photos uploaded through the REST API by CLIENTS
 * concurrent clients, FILES_PER_REQUEST to a request, into the demo's case of alice; meanwhile one more
 * client searches by image, one search after another, and its latencies are recorded. The figure is
 * images per second from the first upload to the last ingest job done (uploading, hashing, storing,
 * linking and deconflicting all included).
 *
 * Photos: random crops (seeded) of the benchmark's small photo set, scaled to 800x600 and written as
 * JPEGs before the clock starts, so each upload is a distinct file of a real photo.
 *
 * Usage: java ServerIngestBench.java BASE_URL PHOTO_DIR [PHOTOS] [CLIENTS] [FILES_PER_REQUEST]
 */
public class ServerIngestBench {

    static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    static final Pattern STATE = Pattern.compile("\"state\":\"(\\w+)\"");
    static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("alice:ariadne-demo".getBytes(StandardCharsets.UTF_8));
    // the session cookie spares the server an Argon2 check per request, as any real client would
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new java.net.CookieManager())
            .connectTimeout(Duration.ofSeconds(30)).build(); // Tomcat speaks no h2c: skip the upgrade dance

    public static void main(String[] args) throws Exception {
        String base = args[0];
        Path photoDir = Path.of(args[1]);
        int photos = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        int perRequest = args.length > 4 ? Integer.parseInt(args[4]) : 10;

        List<byte[]> files = generate(photoDir, photos);
        long caseId = firstCase(base);
        System.out.printf("photos: %d distinct JPEGs of 800x600 (%.1f MB), %d clients, %d files a request%n",
                files.size(), files.stream().mapToLong(f -> f.length).sum() / 1e6, clients, perRequest);

        AtomicBoolean uploading = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Long> searchMillis = new ConcurrentLinkedQueue<>();
        Random pick = new Random(7);
        Thread searcher = Thread.ofPlatform().start(() -> {
            while (uploading.get()) {
                byte[] query = files.get(pick.nextInt(files.size()));
                long start = System.nanoTime();
                HttpResponse<String> answer = post(base + "/api/search/image", "file", List.of(query));
                if (answer.statusCode() == 200) {
                    searchMillis.add((System.nanoTime() - start) / 1_000_000);
                }
            }
        });

        long start = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        List<Long> jobs = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(pool.submit(() -> {
                while (true) {
                    int first = next.getAndAdd(perRequest);
                    if (first >= files.size()) {
                        return null;
                    }
                    List<byte[]> batch = files.subList(first, Math.min(first + perRequest, files.size()));
                    HttpResponse<String> answer = post(base + "/api/cases/" + caseId + "/uploads", "files", batch);
                    if (answer.statusCode() != 202) {
                        throw new IllegalStateException("upload refused: " + answer.statusCode() + " " + answer.body());
                    }
                    Matcher id = ID.matcher(answer.body());
                    id.find();
                    jobs.add(Long.parseLong(id.group(1)));
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        double uploaded = (System.nanoTime() - start) / 1e9;
        for (long job : jobs) {
            while (true) {
                Matcher state = STATE.matcher(get(base + "/api/ingest/" + job));
                if (state.find() && state.group(1).equals("done")) {
                    break;
                }
                Thread.sleep(200);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        uploading.set(false);
        searcher.join();

        List<Long> latencies = new ArrayList<>(searchMillis);
        Collections.sort(latencies);
        System.out.printf("uploads accepted in %.1f s; all %d jobs done after %.1f s: %.1f images/s%n",
                uploaded, jobs.size(), seconds, files.size() / seconds);
        if (!latencies.isEmpty()) {
            System.out.printf("search by image during the load: %d searches, p50 %d ms, p95 %d ms, max %d ms%n",
                    latencies.size(), percentile(latencies, 50), percentile(latencies, 95), latencies.getLast());
        }
    }

    static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static List<byte[]> generate(Path photoDir, int count) throws IOException {
        List<Path> sources;
        try (Stream<Path> list = Files.list(photoDir)) {
            sources = list.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
        }
        List<BufferedImage> pictures = new ArrayList<>();
        for (Path source : sources) {
            pictures.add(ImageIO.read(source.toFile()));
        }
        Random random = new Random(20261123);
        List<byte[]> files = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            BufferedImage picture = pictures.get(i % pictures.size());
            int w = picture.getWidth() / 2 + random.nextInt(picture.getWidth() / 2);
            int h = picture.getHeight() / 2 + random.nextInt(picture.getHeight() / 2);
            int x = random.nextInt(picture.getWidth() - w + 1);
            int y = random.nextInt(picture.getHeight() - h + 1);
            BufferedImage out = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = out.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(picture, 0, 0, 800, 600, x, y, x + w, y + h, null);
            g.dispose();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(out, "jpg", bytes);
            files.add(bytes.toByteArray());
        }
        return files;
    }

    static long firstCase(String base) {
        Matcher id = ID.matcher(get(base + "/api/cases"));
        if (!id.find()) {
            throw new IllegalStateException("alice has no case: start the server with --demo");
        }
        return Long.parseLong(id.group(1));
    }

    static String get(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", AUTH).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> post(String url, String field, List<byte[]> files) {
        String boundary = "bench" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int n = 0;
        for (byte[] file : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field
                    + "\"; filename=\"photo-" + (n++) + ".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", AUTH)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
