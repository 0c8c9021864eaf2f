package org.ariadne.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ariadne.media.TestImages;
import org.ariadne.server.security.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * For every endpoint that reaches an agency's data: a user of another agency is refused (answered as not
 * found, so that guessing identifiers reveals nothing), and the attempt is in the audit log as refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlIT extends ServerIT {

    private String owner;
    private String outsider;
    private long caseId;
    private long privateSeries;
    private long sharedSeries;
    private long privateMedia;
    private long job;
    private long alert;
    private String privateSha256;
    private long notice;

    @BeforeAll
    void ownerData() {
        client();
        owner = agencyWithUser("XA");
        outsider = agencyWithUser("XB");
        String third = agencyWithUser("XC");
        caseId = createCase(owner, "A-1");
        privateSeries = createSeries(owner, caseId, "private", "owner");
        sharedSeries = createSeries(owner, caseId, "shared", "all");
        // a picture no other test uploads: its hashes must be found by no one else
        byte[] unique;
        try {
            unique = TestImages.encode(TestImages.pattern(640, 480, 424242, BufferedImage.TYPE_INT_RGB), "jpg");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        JsonNode done = ingest(owner, caseId, privateSeries, List.of(Map.entry("private.jpg", unique)));
        job = done.get("id").asLong();
        JsonNode media = done.get("results").findValues("media_id").isEmpty() ? null
                : done.get("results").findParents("media_id").getFirst();
        assertThat(media).as("the owner's upload").isNotNull();
        privateMedia = media.get("media_id").asLong();
        privateSha256 = media.get("sha256").asString();
        ingest(owner, caseId, sharedSeries, List.of(referencePhoto("misc-images/wee.jpg")));
        // an alert for the owner: a third agency uploads the same photo as the shared series holds
        long thirdCase = createCase(third, "C-1");
        long thirdSeries = createSeries(third, thirdCase, "theirs", "owner");
        ingest(third, thirdCase, thirdSeries, List.of(referencePhoto("misc-images/wee.jpg")));
        JsonNode alerts = api.get(owner, "/api/alerts").json();
        assertThat(alerts.size()).as("the owner's alerts").isGreaterThan(0);
        alert = alerts.get(0).get("id").asLong();
        notice = api.post(owner, "/api/notices", noticeForm()).json().get("notice").get("id").asLong();
    }

    private static Map<String, Object> noticeForm() {
        return Map.of("reference", "YN-1", "family_name", "Synthetic", "given_names", "Child", "contact", "desk",
                "source_language", "en", "description", "A synthetic description.");
    }

    Stream<Arguments> endpoints() {
        Map<String, Object> status = Map.of("victim_identified", true, "offender_identified", false);
        Map<String, Object> person = Map.of("code_name", "V-x", "sex", "unknown", "identified", false);
        Map<String, Object> box = Map.of("x", 1, "y", 1, "width", 5, "height", 5, "clue_type", "object", "body", "lamp");
        return Stream.of(
                Arguments.of("GET", "/api/cases/" + caseId, null, "case.view"),
                Arguments.of("POST", "/api/series", Map.of("case_id", caseId, "name", "intruder"), "series.create"),
                Arguments.of("GET", "/api/series/" + privateSeries, null, "series.view"),
                Arguments.of("PUT", "/api/series/" + privateSeries + "/status", status, "series.status"),
                Arguments.of("PUT", "/api/series/" + sharedSeries + "/status", status, "series.status"),
                Arguments.of("PUT", "/api/series/" + privateSeries + "/sharing", Map.of("sharing", "all"), "series.sharing"),
                Arguments.of("PUT", "/api/series/" + sharedSeries + "/sharing", Map.of("sharing", "owner"), "series.sharing"),
                Arguments.of("POST", "/api/series/" + privateSeries + "/comments", Map.of("body", "hello"), "series.comment"),
                Arguments.of("GET", "/api/series/" + privateSeries + "/comments", null, "series.comments"),
                Arguments.of("POST", "/api/series/" + privateSeries + "/victims", person, "victim.create"),
                Arguments.of("POST", "/api/series/" + sharedSeries + "/victims", person, "victim.create"),
                Arguments.of("GET", "/api/series/" + privateSeries + "/victims", null, "victim.view"),
                Arguments.of("POST", "/api/series/" + privateSeries + "/offenders", person, "offender.create"),
                Arguments.of("GET", "/api/series/" + privateSeries + "/offenders", null, "offender.view"),
                Arguments.of("GET", "/api/media/" + privateMedia, null, "media.view"),
                Arguments.of("GET", "/api/media/" + privateMedia + "/content", null, "media.content"),
                Arguments.of("GET", "/api/search/scene?media=" + privateMedia, null, "media.picture"),
                Arguments.of("POST", "/api/media/" + privateMedia + "/annotations", box, "annotation.create"),
                Arguments.of("PUT", "/api/media/" + privateMedia + "/category", Map.of("category", "1"), "media.categorise"),
                Arguments.of("PUT", "/api/media/" + privateMedia + "/vote", Map.of("category", "1"), "media.vote"),
                Arguments.of("DELETE", "/api/media/" + privateMedia + "/vote", null, "media.unvote"),
                Arguments.of("POST", "/api/votes", Map.of("media", List.of(privateMedia), "category", "1"), "media.vote"),
                Arguments.of("POST", "/api/votes/withdraw", Map.of("media", List.of(privateMedia)), "media.unvote"),
                Arguments.of("POST", "/api/votes/state", Map.of("media", List.of(privateMedia)), "media.votes"),
                Arguments.of("GET", "/api/media/" + privateMedia + "/thumbnail", null, "media.thumbnail"),
                Arguments.of("GET", "/api/media/" + privateMedia + "/keyframes", null, "media.keyframes"),
                Arguments.of("GET", "/api/media/" + privateMedia + "/keyframes/0", null, "media.keyframe"),
                Arguments.of("GET", "/api/ingest/" + job, null, "ingest.view"),
                Arguments.of("POST", "/api/alerts/" + alert + "/read", Map.of(), "alert.read"),
                Arguments.of("GET", "/api/notices/" + notice, null, "notice.view"),
                Arguments.of("PUT", "/api/notices/" + notice, noticeForm(), "notice.update"),
                Arguments.of("POST", "/api/notices/" + notice + "/submit", Map.of(), "notice.submit"),
                Arguments.of("PUT", "/api/notices/" + notice + "/texts/fr", Map.of("description", "x"), "notice.translate"),
                Arguments.of("POST", "/api/notices/" + notice + "/texts/en/review", Map.of(), "notice.review"),
                Arguments.of("POST", "/api/notices/" + notice + "/publish", Map.of(), "notice.publish"),
                Arguments.of("POST", "/api/notices/" + notice + "/located", Map.of(), "notice.locate"),
                Arguments.of("POST", "/api/notices/" + notice + "/cancel", Map.of(), "notice.cancel"),
                Arguments.of("GET", "/api/notices/" + notice + "/pdf/en", null, "notice.pdf"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void anotherAgencyIsRefusedAndAudited(String method, String path, Object body, String action) {
        Api.Answer answer = api.call(outsider, method, path, body);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
        assertThat(answer.json().get("code").asString()).isEqualTo("not_found");
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at org.");
        Map<String, Object> audited = lastAuditOf(outsider);
        assertThat(audited.get("action")).isEqualTo(action);
        assertThat(audited.get("outcome")).isEqualTo("refused");
    }

    Stream<Arguments> uploads() {
        return Stream.of(
                Arguments.of("/api/cases/" + caseId + "/uploads", "files", "ingest.upload"),
                Arguments.of("/api/notices/" + notice + "/photos", "photo", "notice.photo"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uploads")
    void uploadIntoAnotherAgencysDataIsRefusedAndAudited(String path, String field, String action) {
        Api.Answer answer = api.upload(outsider, path, field, List.of(referencePhoto("bridge-mods/blur-a-lot.jpg")));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
        assertThat(lastAuditOf(outsider)).containsEntry("action", action).containsEntry("outcome", "refused");
    }

    @Test
    void anotherAgencysNoticesAreNotListedNorOnItsDashboard() {
        assertThat(api.get(outsider, "/api/notices").body()).doesNotContain("YN-1");
        assertThat(api.get(outsider, "/api/notices/dashboard").body()).doesNotContain("YN-1");
        assertThat(api.get(owner, "/api/notices").body()).contains("YN-1");
    }

    @Test
    void searchesFindNothingOfAnotherAgencysPrivateSeries() {
        assertThat(api.get(outsider, "/api/search/hash?type=sha256&value=" + privateSha256).json().size()).isZero();
        assertThat(api.get(owner, "/api/search/hash?type=sha256&value=" + privateSha256).json().size()).isEqualTo(1);
        assertThat(lastAuditOf(owner)).containsEntry("action", "search.hash").containsEntry("outcome", "ok");
        assertThat(api.get(outsider, "/api/series").body()).doesNotContain("\"private\"");
    }

    @Test
    void theOwnerMaySeeAndChangeWhatOthersMayNot() {
        assertThat(api.get(owner, "/api/series/" + privateSeries).status()).isEqualTo(200);
        assertThat(lastAuditOf(owner)).containsEntry("action", "series.view").containsEntry("outcome", "ok");
        assertThat(api.get(owner, "/api/media/" + privateMedia + "/content").status()).isEqualTo(200);
        // and the outsider may read the shared series, only not change it
        assertThat(api.get(outsider, "/api/series/" + sharedSeries).status()).isEqualTo(200);
    }

    @Test
    void anotherAgencysDisputedMediaAreNotListedAndVotesStayWithWhatEachMaySee() {
        String colleague = colleagueOf(owner, "second-specialist-of-" + owner, Role.SPECIALIST);
        api.call(owner, "PUT", "/api/media/" + privateMedia + "/vote", Map.of("category", "2"));
        api.call(colleague, "PUT", "/api/media/" + privateMedia + "/vote", Map.of("category", "3"));

        assertThat(api.get(owner, "/api/categorisation/disagreements?limit=500").json().findValues("media_id"))
                .extracting(JsonNode::asLong).contains(privateMedia);
        assertThat(api.get(outsider, "/api/categorisation/disagreements?limit=500").json().findValues("media_id"))
                .extracting(JsonNode::asLong).doesNotContain(privateMedia);
        assertThat(lastAuditOf(outsider)).containsEntry("action", "categorisation.disagreements");
        // a bulk call with one media item the caller may not see changes nothing at all
        Api.Answer mixed = api.post(outsider, "/api/votes", Map.of("media", List.of(privateMedia), "category", "2"));
        assertThat(mixed.status()).isEqualTo(404);
        assertThat(api.post(owner, "/api/votes/state", Map.of("media", List.of(privateMedia))).json().get(0)
                .get("counts").toString()).isEqualTo("{\"2\":1,\"3\":1}");
        api.call(owner, "DELETE", "/api/media/" + privateMedia + "/vote", null);
        api.call(colleague, "DELETE", "/api/media/" + privateMedia + "/vote", null);
    }

    @Test
    void rolesAreChecked() {
        String auditor = colleagueOf(owner, "auditor-of-" + owner, Role.AUDITOR);
        Api.Answer answer = api.post(auditor, "/api/cases", Map.of("reference", "nope"));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().get("code").asString()).isEqualTo("forbidden");
        assertThat(lastAuditOf(auditor)).containsEntry("action", "request.forbidden").containsEntry("outcome", "refused")
                .containsEntry("target", "POST /api/cases");
    }

    @Test
    void anonymousCallersAreRefused() {
        Api.Answer answer = api.get(null, "/api/series/" + sharedSeries);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("code").asString()).isEqualTo("unauthorized");
    }
}
