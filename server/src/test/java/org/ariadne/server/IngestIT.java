package org.ariadne.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.ariadne.server.matching.Deconfliction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Ingest through the API: results, idempotent re-upload, deconfliction, archives with hostile members. */
class IngestIT extends ServerIT {

    @Autowired
    private Deconfliction deconfliction;

    @Test
    void uploadingTheSameFilesAgainCreatesNoDuplicates() {
        String user = agencyWithUser("XA");
        long caseId = createCase(user, "idem");
        long series = createSeries(user, caseId, "idem", "owner");
        List<Map.Entry<String, byte[]>> files = List.of(referencePhoto("bridge-mods/aaa-orig.jpg"),
                referencePhoto("bridge-mods/sharpen-a-lot.jpg"), referencePhoto("misc-images/wee.jpg"));
        long agency = accounts.loadUserByUsername(user).agencyId();

        JsonNode first = ingest(user, caseId, series, files);
        long media = count("select count(distinct media_id) from submission where agency_id = ?", agency);
        long submissions = count("select count(*) from submission where agency_id = ?", agency);
        long links = count("select count(*) from media_link", null);
        JsonNode second = ingest(user, caseId, series, files);

        assertThat(first.get("media").asInt()).isEqualTo(3);
        assertThat(media).isEqualTo(3);
        assertThat(submissions).isEqualTo(3);
        assertThat(count("select count(distinct media_id) from submission where agency_id = ?", agency)).isEqualTo(media);
        assertThat(count("select count(*) from submission where agency_id = ?", agency)).isEqualTo(submissions);
        assertThat(count("select count(*) from media_link", null)).isEqualTo(links);
        assertThat(second.get("files_done").asInt()).isEqualTo(3);
        // the bridge and its sharpened edit are near duplicates of each other within the upload
        assertThat(api.get(user, "/api/media/" + mediaIdOf(first, "aaa-orig.jpg")).json().get("links").toString())
                .contains("near_duplicate");
    }

    @Test
    void newMaterialMatchingAnotherAgencysSeriesAlertsBothAgencies() {
        String owner = agencyWithUser("XA");
        String other = agencyWithUser("XB");
        long ownerCase = createCase(owner, "bridge");
        long bridge = createSeries(owner, ownerCase, "bridge series", "all");
        ingest(owner, ownerCase, bridge, List.of(referencePhoto("reg-test-input/dih/bridge-1-original.jpg")));
        assertThat(api.call(owner, "PUT", "/api/series/" + bridge + "/status",
                Map.of("victim_identified", true, "offender_identified", false, "identified_at", "2025-03-14"))
                .status()).isEqualTo(200);

        long otherCase = createCase(other, "laptop");
        long otherSeries = createSeries(other, otherCase, "laptop", "all");
        JsonNode result = ingest(other, otherCase, otherSeries, List.of(
                referencePhoto("reg-test-input/dih/bridge-3-rotate-180.jpg"),
                referencePhoto("reg-test-input/dih/bridge-1-original.jpg"),
                referencePhoto("reg-test-input/labelme-subset/" + firstLabelme())));

        // the upload's own result says so at once: two known and identified, one new
        JsonNode groups = result.get("results");
        assertThat(groups.get("known_identified").size()).isEqualTo(2);
        assertThat(groups.get("new").size()).isEqualTo(1);
        assertThat(groups.get("known_identified").get(0).get("known_in").asString()).contains("bridge series");

        JsonNode toUploader = api.get(other, "/api/alerts").json();
        JsonNode toOwner = api.get(owner, "/api/alerts").json();
        List<String> reasons = new ArrayList<>();
        toUploader.forEach(a -> reasons.add(a.get("reason").asString()));
        assertThat(reasons).contains("exact", "near_duplicate");
        assertThat(toUploader.get(0).get("message").asString())
                .contains("bridge series").contains("victim identified by Test agency").contains("on 2025-03-14")
                .contains("Contact: desk-");
        assertThat(toOwner.size()).isEqualTo(toUploader.size());
        assertThat(toOwner.get(0).get("message").asString()).contains("submitted").contains("your series 'bridge series'");

        // uploading again raises no new alerts
        ingest(other, otherCase, otherSeries, List.of(referencePhoto("reg-test-input/dih/bridge-3-rotate-180.jpg")));
        assertThat(api.get(other, "/api/alerts").json().size()).isEqualTo(toUploader.size());

        // once the owner stops sharing the series, the alerts keep their sentence but say nothing of today's series
        assertThat(api.call(owner, "PUT", "/api/series/" + bridge + "/sharing", Map.of("sharing", "owner")).status())
                .isEqualTo(200);
        JsonNode after = api.get(other, "/api/alerts").json();
        assertThat(after.get(0).get("series_name").isNull()).as(after.get(0).toString()).isTrue();
        assertThat(after.get(0).get("message").asString()).contains("bridge series");
        Deconfliction.AlertView view = deconfliction.alertViews(accounts.loadUserByUsername(other), 10).getFirst();
        assertThat(view.visible()).isFalse();
        assertThat(view.seriesName()).isNull();
        assertThat(view.victimIdentified()).isFalse();
        assertThat(view.identifiedBy()).isNull();
        assertThat(view.identifiedAt()).isNull();

        // an alert is marked read by its own agency only
        long alert = after.get(0).get("id").asLong();
        assertThat(api.post(owner, "/api/alerts/" + alert + "/read", null).status()).isEqualTo(404);
        assertThat(lastAuditOf(owner)).containsEntry("action", "alert.read").containsEntry("outcome", "refused");
        assertThat(api.post(other, "/api/alerts/" + alert + "/read", null).status()).isEqualTo(204);
        assertThat(lastAuditOf(other)).containsEntry("action", "alert.read").containsEntry("outcome", "ok");
    }

    @Test
    void anArchivesMembersAreIngestedAndItsHostileMembersReported() throws IOException {
        String user = agencyWithUser("XA");
        long caseId = createCase(user, "zip");
        long series = createSeries(user, caseId, "zip", "owner");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("photos/bridge.jpg"));
            out.write(referencePhoto("bridge-mods/high-contrast.jpg").getValue());
            out.putNextEntry(new ZipEntry("../../escape.jpg"));
            out.write(referencePhoto("bridge-mods/shrink-a-lot.jpg").getValue());
            out.putNextEntry(new ZipEntry("photos/notes.txt"));
            out.write("not a picture".getBytes());
        }

        JsonNode result = ingest(user, caseId, series, List.of(Map.entry("seized.zip", zip.toByteArray())));

        assertThat(result.get("media").asInt()).isEqualTo(2); // the photo and the text file (known by its hashes)
        assertThat(result.get("problems").toString()).contains("escape.jpg");
        List<String> paths = new ArrayList<>();
        result.get("results").forEach(group -> group.forEach(media -> paths.add(media.get("path").asString())));
        assertThat(paths).contains("seized.zip!/photos/bridge.jpg").noneMatch(p -> p.contains("escape"));
    }

    @Test
    void searchByImageFindsRotatedCopiesWithTheirDistance() {
        String user = agencyWithUser("XA");
        long caseId = createCase(user, "search");
        long series = createSeries(user, caseId, "search", "owner");
        ingest(user, caseId, series, List.of(referencePhoto("reg-test-input/dih/bridge-1-original.jpg")));

        JsonNode hits = api.upload(user, "/api/search/image", "file",
                List.of(referencePhoto("reg-test-input/dih/bridge-2-rotate-90.jpg"))).json();

        assertThat(hits.get("exact").size()).isZero();
        assertThat(hits.get("near_duplicates").size()).isGreaterThanOrEqualTo(1);
        assertThat(hits.get("near_duplicates").get(0).get("distance").asInt()).isBetween(0, 31);
        assertThat(lastAuditOf(user)).containsEntry("action", "search.image");
    }

    @Test
    void picturesFromOneCameraBodyLinkSeriesOfTwoAgencies() throws IOException {
        String first = agencyWithUser("XA");
        String second = agencyWithUser("XB");
        String serial = "SERIAL-" + System.nanoTime(); // no other test's camera
        long firstCase = createCase(first, "camera-a");
        long firstSeries = createSeries(first, firstCase, "camera series", "all");
        ingest(first, firstCase, firstSeries, List.of(Map.entry("a.jpg", cameraPicture(1, serial))));
        long secondCase = createCase(second, "camera-b");
        long secondSeries = createSeries(second, secondCase, "other pictures", "all");

        JsonNode result = ingest(second, secondCase, secondSeries, List.of(Map.entry("b.jpg", cameraPicture(2, serial))));

        JsonNode known = result.get("results").get("known_not_identified");
        assertThat(known.size()).as(result.toString()).isEqualTo(1);
        assertThat(known.get(0).get("known_in").asString()).contains("camera series");
        List<String> reasons = new ArrayList<>();
        api.get(second, "/api/alerts").json().forEach(a -> reasons.add(a.get("reason").asString()));
        // the two seeded patterns share their checkerboard backdrop, which scene matching may rightly call
        // the same scene; they are not the same file nor near duplicates
        assertThat(reasons).contains("same_camera").doesNotContain("exact", "near_duplicate");
        assertThat(api.get(first, "/api/search/metadata?serial=" + serial).json().size()).isEqualTo(2);
    }

    @Test
    void aReEncodedVideoMatchesItsOriginalInAnotherAgencysSeriesAndOtherContentDoesNot() throws IOException {
        String owner = agencyWithUser("XA");
        String other = agencyWithUser("XB");
        long ownerCase = createCase(owner, "videos");
        long ownerSeries = createSeries(owner, ownerCase, "chair video", "all");
        JsonNode first = ingest(owner, ownerCase, ownerSeries, List.of(video("chair-orig-22-sd-bar.mp4")));
        long original = first.get("results").findParents("media_id").getFirst().get("media_id").asLong();
        assertThat(api.get(owner, "/api/media/" + original).json().get("video_codec").asString()).isEqualTo("h264");

        long otherCase = createCase(other, "seized videos");
        long otherSeries = createSeries(other, otherCase, "seized", "owner");
        JsonNode result = ingest(other, otherCase, otherSeries,
                List.of(video("chair-22-sd-grey-bar.mp4"), video("doorknob-hd-no-bar.mp4")));

        JsonNode known = result.get("results").get("known_not_identified");
        assertThat(known.size()).as(result.toString()).isEqualTo(1);
        assertThat(known.get(0).get("path").asString()).isEqualTo("chair-22-sd-grey-bar.mp4");
        assertThat(result.get("results").get("new").get(0).get("path").asString()).isEqualTo("doorknob-hd-no-bar.mp4");
        List<String> reasons = new ArrayList<>();
        api.get(other, "/api/alerts").json().forEach(a -> reasons.add(a.get("reason").asString()));
        assertThat(reasons).containsExactly("video_match");
    }

    private static Map.Entry<String, byte[]> video(String name) throws IOException {
        return Map.entry(name, java.nio.file.Files.readAllBytes(reference().resolve("vpdq/videos").resolve(name)));
    }

    /** A distinct generated picture whose EXIF names a camera body by its serial number. */
    private static byte[] cameraPicture(long seed, String serial) throws IOException {
        byte[] jpeg = org.ariadne.media.TestImages.encode(org.ariadne.media.TestImages.pattern(320, 240, seed,
                java.awt.image.BufferedImage.TYPE_INT_RGB), "jpeg");
        var exif = org.ariadne.hashing.metadata.ExifSegment.app1(
                new org.ariadne.hashing.metadata.ExifSegment.Ifd().ascii(0x010F, "Synthetic Optics").ascii(0x0110, "T-100"),
                new org.ariadne.hashing.metadata.ExifSegment.Ifd().ascii(0xA431, serial),
                new org.ariadne.hashing.metadata.ExifSegment.Ifd());
        return org.ariadne.hashing.metadata.ExifSegment.insertAfterSoi(jpeg, exif);
    }

    private long count(String sql, Long param) {
        var query = jdbc.sql(sql);
        return (param == null ? query : query.param(param)).query(Long.class).single();
    }

    private static long mediaIdOf(JsonNode job, String path) {
        for (JsonNode group : job.get("results")) {
            for (JsonNode media : group) {
                if (media.get("path").asString().equals(path)) {
                    return media.get("media_id").asLong();
                }
            }
        }
        throw new AssertionError(path + " not in " + job);
    }

    private static String firstLabelme() {
        try (var list = java.nio.file.Files.list(reference().resolve("pdq/reg-test-input/labelme-subset"))) {
            return list.map(p -> p.getFileName().toString()).sorted().findFirst().orElseThrow();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
