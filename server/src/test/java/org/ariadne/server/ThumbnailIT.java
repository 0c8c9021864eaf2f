package org.ariadne.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.ariadne.server.audit.AuditLog;
import org.ariadne.server.audit.Outcome;
import org.ariadne.server.media.Thumbnails;
import org.ariadne.server.security.Account;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Thumbnails and keyframes: small JPEGs, made once and then served from the store, private to the
 * browser, and a JSON not-found for what cannot be decoded.
 */
class ThumbnailIT extends ServerIT {

    @Autowired
    private Thumbnails thumbnailService;
    @Autowired
    private AuditLog auditLog;

    @Test
    void aPicturesThumbnailIsASmallJpegMadeOnce() throws IOException {
        String user = agencyWithUser("TA");
        long caseId = createCase(user, "T-1");
        long media = UploadedMedia.mediaIds(ingest(user, caseId, createSeries(user, caseId, "s", "owner"),
                List.of(Map.entry("big.jpg", UploadedMedia.jpeg(1200, 800, 8001))))).getFirst();
        String path = "/api/media/" + media + "/thumbnail";

        Api.Binary first = api.getBinary(user, path);
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(first.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(first.header("Cache-Control")).isEqualTo("private, no-store");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(first.body()));
        assertThat(image.getWidth()).isEqualTo(320);
        assertThat(image.getHeight()).isEqualTo(213);
        assertThat(lastAuditOf(user)).containsEntry("action", "media.thumbnail").containsEntry("outcome", "ok");

        Api.Binary second = api.getBinary(user, path);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(thumbnails(media)).isEqualTo(1);
        assertThat(jdbc.sql("select detail from audit_entry where action = 'media.thumbnail' order by seq desc limit 1")
                .query(String.class).single()).contains("\"cached\":true");

        BufferedImage small = ImageIO.read(new ByteArrayInputStream(api.getBinary(user, path + "?size=64").body()));
        assertThat(Math.max(small.getWidth(), small.getHeight())).isEqualTo(64);
        assertThat(thumbnails(media)).isEqualTo(2);
        assertThat(api.get(user, path + "?size=5000").status()).isEqualTo(400);

        // a picture has no keyframes
        assertThat(api.get(user, "/api/media/" + media + "/keyframes").json().size()).isZero();
        assertThat(api.get(user, "/api/media/" + media + "/keyframes/0").status()).isEqualTo(404);

        // a grid's worth of cached thumbnails, each request audited: over HTTP (each request signs in with
        // HTTP Basic, an Argon2 hash), an endpoint that reads nothing for comparison, and the service alone
        long start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            assertThat(api.getBinary(user, path).status()).isEqualTo(200);
        }
        long http = System.nanoTime() - start;
        start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            assertThat(api.get(user, "/api/categorisation").status()).isEqualTo(200);
        }
        long signIn = System.nanoTime() - start;
        Account account = accounts.loadUserByUsername(user);
        start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            assertThat(thumbnailService.thumbnail(account, media, 320)).isEqualTo(first.body());
        }
        long service = System.nanoTime() - start;
        start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            auditLog.record(account.actor(), "test.timing", "media:" + media, Outcome.OK, Map.of("size", 320));
        }
        long audit = System.nanoTime() - start;
        System.out.printf("100 cached thumbnails: %d ms over HTTP; 100 calls of an endpoint that reads nothing: %d ms;"
                + " 100 service calls (visibility, store, audit): %d ms; 100 audit entries alone: %d ms%n",
                http / 1_000_000, signIn / 1_000_000, service / 1_000_000, audit / 1_000_000);
        assertThat(thumbnails(media)).isEqualTo(2);
    }

    @Test
    void aVideosThumbnailAndKeyframes() throws IOException {
        String user = agencyWithUser("TB");
        long caseId = createCase(user, "T-2");
        byte[] video = Files.readAllBytes(reference().resolve("vpdq/videos/pattern-sd-grey-bar.mp4"));
        long media = UploadedMedia.mediaIds(ingest(user, caseId, createSeries(user, caseId, "s", "owner"),
                List.of(Map.entry("pattern.mp4", video)))).getFirst();
        double duration = api.get(user, "/api/media/" + media).json().get("duration_seconds").asDouble();

        Api.Binary thumbnail = api.getBinary(user, "/api/media/" + media + "/thumbnail");
        assertThat(thumbnail.status()).as(thumbnail.text()).isEqualTo(200);
        BufferedImage frame = ImageIO.read(new ByteArrayInputStream(thumbnail.body()));
        assertThat(Math.max(frame.getWidth(), frame.getHeight())).isLessThanOrEqualTo(320);

        JsonNode keyframes = api.get(user, "/api/media/" + media + "/keyframes?count=4").json();
        assertThat(keyframes.size()).isEqualTo(4);
        assertThat(keyframes.get(0).get("at_seconds").asDouble()).isCloseTo(duration / 8, org.assertj.core.data.Offset.offset(0.01));
        assertThat(keyframes.get(3).get("at_seconds").asDouble()).isLessThan(duration);
        for (int i = 0; i < 4; i++) {
            Api.Binary key = api.getBinary(user, "/api/media/" + media + "/keyframes/" + i + "?count=4");
            assertThat(key.status()).as(key.text()).isEqualTo(200);
            assertThat(key.header("Content-Type")).isEqualTo("image/jpeg");
            assertThat(ImageIO.read(new ByteArrayInputStream(key.body()))).isNotNull();
        }
        // the thumbnail and the strip's four frames, each decoded once
        assertThat(thumbnails(media)).isEqualTo(5);
        assertThat(api.get(user, "/api/media/" + media + "/keyframes/4?count=4").status()).isEqualTo(404);

        // a strip's frames asked for all at once (as a page does) are decoded once
        long auditBefore = jdbc.sql("select max(seq) from audit_entry").query(Long.class).single();
        List<java.util.concurrent.CompletableFuture<Api.Binary>> strip = java.util.stream.IntStream.range(0, 3)
                .mapToObj(i -> java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> api.getBinary(user, "/api/media/" + media + "/keyframes/" + i + "?count=3")))
                .toList();
        strip.forEach(answer -> assertThat(answer.join().status()).isEqualTo(200));
        assertThat(thumbnails(media)).isEqualTo(8);
        assertThat(jdbc.sql("select detail from audit_entry where seq > ? and action = 'media.keyframe'")
                .param(auditBefore).query(String.class).list())
                .hasSize(3).filteredOn(detail -> detail.contains("\"cached\":false")).hasSize(1);
    }

    @Test
    void aCorruptUploadsThumbnailIsAJsonNotFound() {
        String user = agencyWithUser("TC");
        long caseId = createCase(user, "T-3");
        byte[] corrupt = new byte[4000];
        new Random(8003).nextBytes(corrupt);
        corrupt[0] = (byte) 0xFF; // a JPEG's start, and noise after it
        corrupt[1] = (byte) 0xD8;
        corrupt[2] = (byte) 0xFF;
        JsonNode job = ingest(user, caseId, createSeries(user, caseId, "s", "owner"), List.of(Map.entry("broken.jpg", corrupt)));
        List<Long> media = UploadedMedia.mediaIds(job);
        assertThat(media).as(job.toString()).hasSize(1);

        Api.Answer answer = api.get(user, "/api/media/" + media.getFirst() + "/thumbnail");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
        assertThat(answer.json().get("code").asString()).isEqualTo("undecodable");
        assertThat(lastAuditOf(user)).containsEntry("action", "media.thumbnail").containsEntry("outcome", "failed");
        assertThat(thumbnails(media.getFirst())).isZero();
        // an image element asks for images only: the error is still JSON, and still not found
        Api.Binary asImage = api.getBinary(user, "/api/media/" + media.getFirst() + "/thumbnail", "Accept", "image/jpeg");
        assertThat(asImage.status()).isEqualTo(404);
        assertThat(asImage.text()).contains("\"undecodable\"");
    }

    private long thumbnails(long media) {
        return jdbc.sql("select count(*) from thumbnail where media_id = ?").param(media).query(Long.class).single();
    }
}
