package org.ariadne.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.ariadne.server.security.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Categorisation by consensus: a category is final once two specialists (of any agencies that may see the
 * media item) agree, open again when one takes their vote back, and disputed media are listed.
 */
class CategorisationIT extends ServerIT {

    @Test
    void aCategoryIsFinalWhenTwoSpecialistsAgreeAndDisagreementsAreListed() {
        String first = agencyWithUser("YA");
        String colleague = colleagueOf(first, "colleague-of-" + first, Role.SPECIALIST);
        String abroad = agencyWithUser("YB");
        long caseId = createCase(first, "C-1");
        long series = createSeries(first, caseId, "shared with all", "all");
        long media = UploadedMedia.mediaIds(ingest(first, caseId, series,
                List.of(Map.entry("a.jpg", UploadedMedia.jpeg(400, 300, 7001))))).getFirst();
        String vote = "/api/media/" + media + "/vote";

        JsonNode one = api.call(first, "PUT", vote, Map.of("category", "3")).json();
        assertThat(one.get("own_vote").asString()).isEqualTo("3");
        assertThat(one.get("final_category").isNull()).as("one vote is not final: " + one).isTrue();
        assertThat(one.get("counts").get("3").asInt()).isEqualTo(1);
        assertThat(lastAuditOf(first)).containsEntry("action", "media.vote").containsEntry("outcome", "ok")
                .containsEntry("target", "media:" + media);

        // a specialist of another agency that may see the series counts as much as a colleague
        JsonNode two = api.call(abroad, "PUT", vote, Map.of("category", "3")).json();
        assertThat(two.get("final_category").asString()).as(two.toString()).isEqualTo("3");
        assertThat(two.get("counts").get("3").asInt()).isEqualTo(2);
        assertThat(api.get(first, "/api/media/" + media).json().get("category").asString()).isEqualTo("3");

        JsonNode undone = api.call(first, "DELETE", vote, null).json();
        assertThat(undone.get("own_vote").isNull()).isTrue();
        assertThat(undone.get("final_category").isNull()).as("no longer agreed: " + undone).isTrue();
        assertThat(lastAuditOf(first)).containsEntry("action", "media.unvote").containsEntry("outcome", "ok");
        assertThat(disagreements(first)).doesNotContain(media);

        JsonNode disputed = api.call(colleague, "PUT", vote, Map.of("category", "4")).json();
        assertThat(disputed.get("final_category").isNull()).isTrue();
        assertThat(disputed.get("counts").toString()).isEqualTo("{\"3\":1,\"4\":1}");
        assertThat(disagreements(first)).contains(media);
        assertThat(disagreements(abroad)).contains(media);
        // a third vote settles it, and it leaves the list
        api.call(first, "PUT", vote, Map.of("category", "4"));
        assertThat(api.post(first, "/api/votes/state", Map.of("media", List.of(media))).json().get(0)
                .get("final_category").asString()).isEqualTo("4");
        assertThat(disagreements(first)).doesNotContain(media);
    }

    @Test
    void aTieAtTheTopIsNotFinal() {
        String user = agencyWithUser("YC");
        String second = colleagueOf(user, "second-of-" + user, Role.SPECIALIST);
        String third = colleagueOf(user, "third-of-" + user, Role.SPECIALIST);
        String fourth = colleagueOf(user, "fourth-of-" + user, Role.SPECIALIST);
        long caseId = createCase(user, "C-2");
        long media = UploadedMedia.mediaIds(ingest(user, caseId, createSeries(user, caseId, "s", "owner"),
                List.of(Map.entry("b.jpg", UploadedMedia.jpeg(400, 300, 7002))))).getFirst();
        String vote = "/api/media/" + media + "/vote";
        api.call(user, "PUT", vote, Map.of("category", "1"));
        api.call(second, "PUT", vote, Map.of("category", "1"));
        api.call(third, "PUT", vote, Map.of("category", "2"));
        JsonNode tied = api.call(fourth, "PUT", vote, Map.of("category", "2")).json();

        assertThat(tied.get("final_category").isNull()).as(tied.toString()).isTrue();
        assertThat(disagreements(user)).contains(media);
    }

    @Test
    void bulkVotesAreOneCallAndAuditedPerMediaItem() {
        String user = agencyWithUser("YD");
        String colleague = colleagueOf(user, "colleague-of-" + user, Role.SPECIALIST);
        long caseId = createCase(user, "C-3");
        List<Long> media = UploadedMedia.mediaIds(ingest(user, caseId, createSeries(user, caseId, "s", "owner"), List.of(
                Map.entry("c1.jpg", UploadedMedia.jpeg(300, 200, 7003)),
                Map.entry("c2.jpg", UploadedMedia.jpeg(300, 200, 7004)),
                Map.entry("c3.jpg", UploadedMedia.jpeg(300, 200, 7005)))));
        assertThat(media).hasSize(3);
        long auditBefore = jdbc.sql("select count(*) from audit_entry").query(Long.class).single();

        JsonNode voted = api.post(user, "/api/votes", Map.of("media", media, "category", "2")).json();
        assertThat(voted.size()).isEqualTo(3);
        voted.forEach(state -> assertThat(state.get("own_vote").asString()).isEqualTo("2"));
        assertThat(jdbc.sql("select count(*) from audit_entry where seq > ? and action = 'media.vote'")
                .param(auditBefore).query(Long.class).single()).isEqualTo(3);

        JsonNode agreed = api.post(colleague, "/api/votes", Map.of("media", media.subList(0, 2), "category", "2")).json();
        agreed.forEach(state -> assertThat(state.get("final_category").asString()).isEqualTo("2"));
        JsonNode state = api.post(user, "/api/votes/state", Map.of("media", media)).json();
        assertThat(state.get(0).get("final_category").asString()).isEqualTo("2");
        assertThat(state.get(1).get("final_category").asString()).isEqualTo("2");
        assertThat(state.get(2).get("final_category").isNull()).isTrue();

        JsonNode withdrawn = api.post(colleague, "/api/votes/withdraw", Map.of("media", media.subList(0, 2))).json();
        withdrawn.forEach(s -> assertThat(s.get("final_category").isNull()).isTrue());
        // an unknown category changes nothing
        assertThat(api.post(user, "/api/votes", Map.of("media", media, "category", "9")).status()).isEqualTo(400);
        assertThat(api.post(user, "/api/votes/state", Map.of("media", media)).json().findValuesAsString("own_vote"))
                .containsExactly("2", "2", "2");
    }

    @Test
    void theOldCategoryCallIsAVoteAndTheRuleIsPublished() {
        String user = agencyWithUser("YE");
        long caseId = createCase(user, "C-4");
        long media = UploadedMedia.mediaIds(ingest(user, caseId, createSeries(user, caseId, "s", "owner"),
                List.of(Map.entry("d.jpg", UploadedMedia.jpeg(300, 200, 7006))))).getFirst();

        assertThat(api.call(user, "PUT", "/api/media/" + media + "/category", Map.of("category", "5")).status())
                .isEqualTo(204);
        assertThat(lastAuditOf(user)).containsEntry("action", "media.categorise").containsEntry("outcome", "ok");
        JsonNode state = api.post(user, "/api/votes/state", Map.of("media", List.of(media))).json().get(0);
        assertThat(state.get("own_vote").asString()).isEqualTo("5");
        assertThat(state.get("final_category").isNull()).isTrue();
        assertThat(api.get(user, "/api/categorisation").json().get("agreement").asInt()).isEqualTo(2);
    }

    @Test
    void onlySpecialistsVote() {
        String user = agencyWithUser("YF");
        String contributor = colleagueOf(user, "contributor-of-" + user, Role.CONTRIBUTOR);
        long caseId = createCase(user, "C-5");
        long media = UploadedMedia.mediaIds(ingest(user, caseId, createSeries(user, caseId, "s", "owner"),
                List.of(Map.entry("e.jpg", UploadedMedia.jpeg(300, 200, 7007))))).getFirst();

        assertThat(api.call(contributor, "PUT", "/api/media/" + media + "/vote", Map.of("category", "1")).status())
                .isEqualTo(403);
        assertThat(lastAuditOf(contributor)).containsEntry("action", "request.forbidden");
    }

    private List<Long> disagreements(String user) {
        return api.get(user, "/api/categorisation/disagreements?limit=500").json().findValues("media_id").stream()
                .map(JsonNode::asLong).toList();
    }
}
