package org.ariadne.server.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ariadne.media.TestImages;
import org.ariadne.server.Api;
import org.ariadne.server.ServerIT;
import org.ariadne.server.TestClock;
import org.ariadne.server.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Yellow notices through the API and the public pages: the workflow and its refusals (audited), the
 * deadline on the dashboard, what the public may see (and not), and a notice photo matched with a series.
 * Children, names and agencies are synthetic.
 */
class NoticesIT extends ServerIT {

    private static final String[] LANGUAGES = {"en", "fr", "es", "ar"};

    /** The desk of one agency: a writer, a translator, a reviewer. */
    private record Desk(String writer, String translator, String reviewer) {
    }

    private Desk desk(String country) {
        String writer = agencyWithUser(country);
        return new Desk(writer, colleagueOf(writer, writer + "-translator", Role.TRANSLATOR),
                colleagueOf(writer, writer + "-reviewer", Role.REVIEWER));
    }

    /** A synthetic child, written in English by the agency. */
    private static final String FORM = """
            {"family_name": "Zerrouki", "given_names": "Lina", "sex": "female", "birth_date": "2017-02-11",
             "birth_place": "Lyon", "birth_country": "FR", "nationalities": ["FR", "DZ"], "height_cm": 118,
             "weight_kg": 21, "eye_colour": "brown", "hair_colour": "black", "disappeared_on": "2026-11-20",
             "disappeared_place": "Marseille", "disappeared_country": "FR",
             "contact": "+33 1 00 00 00 00, hotline@example.test", "source_language": "en",
             "description": "Last seen near the railway station wearing a red coat.",
             "distinguishing_marks": "Small scar above the left eyebrow."}""";

    @SuppressWarnings("unchecked")
    private static Map<String, Object> form(String reference) {
        Map<String, Object> form = new HashMap<>(Api.JSON.readValue(FORM, Map.class));
        form.put("reference", reference);
        return form;
    }

    private static final Map<String, String> TRANSLATIONS = Map.of(
            "fr", "Vue pour la dernière fois près de la gare, vêtue d'un manteau rouge.",
            "es", "Vista por última vez cerca de la estación de tren con un abrigo rojo.",
            "ar", "شوهدت آخر مرة قرب محطة القطار وهي ترتدي معطفا أحمر.");

    private long create(String writer, String reference) {
        Api.Answer answer = api.post(writer, "/api/notices", form(reference));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json().get("notice").get("id").asLong();
    }

    private JsonNode ok(Api.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    /** Translates a submitted notice into the three other languages and reviews all four. */
    private void translateAndReview(Desk desk, long id) {
        for (String language : List.of("fr", "es", "ar")) {
            ok(api.call(desk.translator(), "PUT", "/api/notices/" + id + "/texts/" + language,
                    Map.of("description", TRANSLATIONS.get(language), "distinguishing_marks", "-")));
        }
        for (String language : LANGUAGES) {
            ok(api.post(desk.reviewer(), "/api/notices/" + id + "/texts/" + language + "/review", null));
        }
    }

    private Map<String, Object> lastAudit(String user, String action) {
        long agency = accounts.loadUserByUsername(user).agencyId();
        return jdbc.sql("""
                        select action, target, outcome, detail::text as detail from audit_entry
                        where agency_id = ? and action = ? order by seq desc limit 1""")
                .params(agency, action).query().singleRow();
    }

    @Test
    void theWorkflowRunsFromDraftToPublishedAndLocatedWithEveryStepAudited() {
        Desk desk = desk("XA");
        long id = create(desk.writer(), "YN-flow");
        JsonNode draft = ok(api.get(desk.writer(), "/api/notices/" + id));
        assertThat(draft.get("notice").get("state").asString()).isEqualTo("draft");
        assertThat(draft.get("deadline").isNull()).isTrue();

        JsonNode submitted = ok(api.post(desk.writer(), "/api/notices/" + id + "/submit?zone=Europe/Paris", null));
        assertThat(submitted.get("notice").get("state").asString()).isEqualTo("submitted");
        assertThat(submitted.get("deadline").get("minutes_left").asLong()).isBetween(72 * 60L - 2, 72 * 60L);
        assertThat(submitted.get("deadline").get("due_local").asString()).matches(".*\\+0[12]:00");
        assertThat(lastAudit(desk.writer(), "notice.submit")).containsEntry("outcome", "ok");

        // publication is refused, and the refusal audited, until every language is written and reviewed
        Api.Answer early = api.post(desk.reviewer(), "/api/notices/" + id + "/publish", null);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("message").asString()).contains("not written: fr, es, ar").contains("not reviewed: en");
        assertThat(lastAudit(desk.reviewer(), "notice.publish")).containsEntry("outcome", "refused");

        for (String language : List.of("fr", "es", "ar")) {
            ok(api.call(desk.translator(), "PUT", "/api/notices/" + id + "/texts/" + language,
                    Map.of("description", TRANSLATIONS.get(language))));
        }
        assertThat(ok(api.get(desk.writer(), "/api/notices/" + id)).get("notice").get("state").asString())
                .isEqualTo("translated");
        // a translator does not review their own text
        String both = colleagueOf(desk.writer(), desk.writer() + "-both", Role.TRANSLATOR, Role.REVIEWER);
        ok(api.call(both, "PUT", "/api/notices/" + id + "/texts/es", Map.of("description", TRANSLATIONS.get("es"))));
        Api.Answer own = api.post(both, "/api/notices/" + id + "/texts/es/review", null);
        assertThat(own.status()).isEqualTo(409);
        assertThat(lastAudit(both, "notice.review")).containsEntry("outcome", "refused");

        for (String language : LANGUAGES) {
            ok(api.post(desk.reviewer(), "/api/notices/" + id + "/texts/" + language + "/review", null));
        }
        JsonNode reviewed = ok(api.get(desk.writer(), "/api/notices/" + id));
        assertThat(reviewed.get("notice").get("state").asString()).isEqualTo("reviewed");
        assertThat(reviewed.get("texts").get("ar").get("status").asString()).isEqualTo("reviewed");

        JsonNode published = ok(api.post(desk.reviewer(), "/api/notices/" + id + "/publish", null));
        assertThat(published.get("notice").get("state").asString()).isEqualTo("published");
        assertThat(lastAudit(desk.reviewer(), "notice.publish").get("detail").toString()).contains("\"within_target\":true");
        String page = published.get("public_pages").get("ar").asString();
        assertThat(api.get(null, page).status()).isEqualTo(200);

        ok(api.post(desk.writer(), "/api/notices/" + id + "/located", null));
        assertThat(api.get(null, page).status()).as("a located child's page is taken down").isEqualTo(404);
        assertThat(api.post(desk.writer(), "/api/notices/" + id + "/cancel", null).status()).isEqualTo(409);
        List<String> actions = jdbc.sql("select distinct action from audit_entry where target = ?")
                .param("notice:" + id).query(String.class).list();
        assertThat(actions).contains("notice.create", "notice.view", "notice.submit", "notice.translate",
                "notice.review", "notice.publish", "notice.locate", "notice.cancel");
    }

    @Test
    void eachStepNeedsItsRole() {
        Desk desk = desk("XA");
        long id = create(desk.writer(), "YN-roles");
        ok(api.post(desk.writer(), "/api/notices/" + id + "/submit", null));

        Api.Answer notTranslator = api.call(desk.writer(), "PUT", "/api/notices/" + id + "/texts/fr",
                Map.of("description", "x"));
        Api.Answer notReviewer = api.post(desk.translator(), "/api/notices/" + id + "/texts/en/review", null);
        Api.Answer notPublisher = api.post(desk.translator(), "/api/notices/" + id + "/publish", null);

        assertThat(List.of(notTranslator.status(), notReviewer.status(), notPublisher.status())).containsOnly(403);
        assertThat(lastAuditOf(desk.translator())).containsEntry("action", "request.forbidden")
                .containsEntry("outcome", "refused");
    }

    @Test
    void aFormThatCannotBeRenderedInEveryLanguageIsRefused() {
        String writer = agencyWithUser("XA");
        for (Map.Entry<String, Object> wrong : List.of(Map.<String, Object>entry("sex", "girl"),
                Map.<String, Object>entry("eye_colour", "violet"), Map.<String, Object>entry("birth_country", "France"),
                Map.<String, Object>entry("source_language", "de"), Map.<String, Object>entry("family_name", " "))) {
            Map<String, Object> form = form("YN-wrong");
            form.put(wrong.getKey(), wrong.getValue());
            Api.Answer answer = api.post(writer, "/api/notices", form);
            assertThat(answer.status()).as(wrong + ": " + answer).isEqualTo(400);
        }
    }

    @Autowired
    private TestClock clock;

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    @Test
    void aSubmissionOnTheEveningBeforeParisSpringsForwardIsDueSeventyTwoRealHoursLater() {
        Desk desk = desk("XA");
        long id = create(desk.writer(), "YN-dst");
        // Saturday 28 March 2026, 20:00 in Paris; at 02:00 on Sunday the clocks go forward to 03:00
        clock.set(Instant.parse("2026-03-28T19:00:00Z"));

        JsonNode submitted = ok(api.post(desk.writer(), "/api/notices/" + id + "/submit?zone=Europe/Paris", null));

        assertThat(submitted.get("deadline").get("due").asString()).isEqualTo("2026-03-31T19:00:00Z");
        assertThat(submitted.get("deadline").get("due_local").asString()).isEqualTo("2026-03-31T21:00:00+02:00");
        assertThat(ok(api.get(desk.writer(), "/api/notices/" + id + "?zone=America/New_York")).get("deadline")
                .get("due_local").asString()).isEqualTo("2026-03-31T15:00:00-04:00");
        // one second before the due instant it is still in time; one second after, overdue
        clock.set(Instant.parse("2026-03-31T18:59:59Z"));
        JsonNode before = ok(api.get(desk.writer(), "/api/notices/dashboard?zone=Europe/Paris")).get("open").get(0);
        clock.set(Instant.parse("2026-03-31T19:00:01Z"));
        JsonNode after = ok(api.get(desk.writer(), "/api/notices/dashboard?zone=Europe/Paris")).get("open").get(0);
        assertThat(before.get("overdue").asBoolean()).isFalse();
        assertThat(before.get("minutes_left").asLong()).isZero();
        assertThat(after.get("overdue").asBoolean()).isTrue();
        // published late: audited as such, and counted as missed in March (Paris)
        clock.set(Instant.parse("2026-04-01T08:00:00Z"));
        translateAndReview(desk, id);
        ok(api.post(desk.reviewer(), "/api/notices/" + id + "/publish", null));
        assertThat(lastAudit(desk.reviewer(), "notice.publish").get("detail").toString()).contains("\"within_target\":false");
        JsonNode march = ok(api.get(desk.writer(), "/api/notices/dashboard?zone=Europe/Paris")).get("months").get(0);
        assertThat(march.get("month").asString()).isEqualTo("2026-03");
        assertThat(march.get("counted").asInt()).isEqualTo(1);
        assertThat(march.get("published_in_time").asInt()).isZero();
    }

    @Test
    void theDashboardShowsOpenNoticesByTimeLeftOverdueOnesMarkedAndTheMonthlyShare() {
        Desk desk = desk("XA");
        long fresh = create(desk.writer(), "YN-fresh");
        long late = create(desk.writer(), "YN-late");
        long published = create(desk.writer(), "YN-published");
        ok(api.post(desk.writer(), "/api/notices/" + fresh + "/submit", null));
        ok(api.post(desk.writer(), "/api/notices/" + late + "/submit", null));
        ok(api.post(desk.writer(), "/api/notices/" + published + "/submit", null));
        translateAndReview(desk, published);
        ok(api.post(desk.reviewer(), "/api/notices/" + published + "/publish", null));
        // the late one was submitted 73 hours ago
        jdbc.sql("update notice set submitted_at = now() - interval '73 hours' where id = ?").param(late).update();

        JsonNode dashboard = ok(api.get(desk.writer(), "/api/notices/dashboard?zone=America/New_York"));

        List<Long> open = new ArrayList<>();
        dashboard.get("open").forEach(n -> open.add(n.get("id").asLong()));
        assertThat(open).containsExactly(late, fresh);
        assertThat(dashboard.get("open").get(0).get("overdue").asBoolean()).isTrue();
        assertThat(dashboard.get("open").get(0).get("minutes_left").asLong()).isBetween(-61L, -59L);
        assertThat(dashboard.get("open").get(1).get("overdue").asBoolean()).isFalse();
        assertThat(dashboard.get("open").get(1).get("due_local").asString()).matches(".*-0[45]:00");
        assertThat(dashboard.get("zone").asString()).isEqualTo("America/New_York");
        // this month: one published in time, one overdue (the fresh one is not counted yet)
        int counted = 0;
        int inTime = 0;
        for (JsonNode month : dashboard.get("months")) {
            counted += month.get("counted").asInt();
            inTime += month.get("published_in_time").asInt();
        }
        assertThat(counted).isEqualTo(2);
        assertThat(inTime).isEqualTo(1);
        assertThat(api.get(desk.writer(), "/api/notices/dashboard?zone=Mars/Olympus").status()).isEqualTo(400);
    }

    @Test
    void thePublicPageShowsNothingInternal() throws IOException {
        Desk desk = desk("XA");
        String reference = "YN-INTERNAL-" + System.nanoTime();
        long id = create(desk.writer(), reference);
        ok(api.upload(desk.writer(), "/api/notices/" + id + "/photos", "photo",
                List.of(Map.entry("child.jpg", TestImages.encode(TestImages.pattern(640, 480, 515151, BufferedImage.TYPE_INT_RGB), "jpg")))));
        String draftPublicId = ok(api.get(desk.writer(), "/api/notices/" + id)).get("notice").get("public_id").asString();
        assertThat(api.get(null, "/notices/" + draftPublicId + "/en").status()).as("a draft is not public").isEqualTo(404);
        ok(api.post(desk.writer(), "/api/notices/" + id + "/submit", null));
        translateAndReview(desk, id);
        JsonNode notice = ok(api.post(desk.reviewer(), "/api/notices/" + id + "/publish", null));
        String publicId = notice.get("notice").get("public_id").asString();
        String photoSha256 = jdbc.sql("select sha256 from notice_photo where notice_id = ?").param(id)
                .query(String.class).single();
        List<String> internal = new ArrayList<>(List.of(reference, desk.writer(), desk.translator(), desk.reviewer(),
                "User ", photoSha256, "/api/", "series", "media", "audit", "notice:" + id));

        for (String language : LANGUAGES) {
            Api.Answer page = api.get(null, "/notices/" + publicId + "/" + language);
            Api.Answer json = api.get(null, "/notices/" + publicId + "/" + language + "/json");
            assertThat(page.status()).isEqualTo(200);
            assertThat(json.status()).isEqualTo(200);
            for (String body : List.of(page.body(), json.body())) {
                for (String secret : internal) {
                    assertThat(body).as(language + " must not show " + secret).doesNotContainIgnoringCase(secret);
                }
                assertThat(body).contains("Zerrouki").contains("hotline@example.test");
            }
            // no address on the page carries the internal id
            Matcher links = Pattern.compile("(?:href|src)=\"([^\"]*)\"").matcher(page.body());
            while (links.find()) {
                assertThat(links.group(1)).doesNotContain("/" + id + "/").doesNotEndWith("/" + id)
                        .doesNotContain("id=" + id);
            }
        }
        String arabic = api.get(null, "/notices/" + publicId + "/ar").body();
        assertThat(arabic).contains("lang=\"ar\"").contains("dir=\"rtl\"").contains("الجنس").contains("أنثى")
                .contains(TRANSLATIONS.get("ar"));
        assertThat(api.get(null, "/notices/" + publicId + "/fr").body()).contains("dir=\"ltr\"").contains("Féminin")
                .contains("Algérie");
        JsonNode json = api.get(null, "/notices/" + publicId + "/ar/json").json();
        assertThat(json.get("language").asString()).isEqualTo("ar");
        assertThat(json.get("photos").get(0).asString()).isEqualTo("/notices/" + publicId + "/photos/1");
        assertThat(arabic).contains("src=\"/notices/" + publicId + "/photos/1\"");
        Api.Answer photo = api.get(null, "/notices/" + publicId + "/photos/1");
        assertThat(photo.status()).isEqualTo(200);
        Api.Answer pdf = api.get(null, "/notices/" + publicId + "/ar/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF");
        assertThat(api.get(null, "/notices/" + publicId + "/ar/pdf").body()).as("made once").isEqualTo(pdf.body());
        assertThat(api.get(null, "/notices/" + publicId + "/de").status()).isEqualTo(404);
        assertThat(api.get(null, "/notices/not-a-notice/en").status()).isEqualTo(404);
    }

    @Test
    void aNoticePhotoMatchingASeriesAlertsBothOwners() throws IOException {
        String seriesOwner = agencyWithUser("XA");
        String privateOwner = agencyWithUser("XC");
        Desk desk = desk("XB");
        BufferedImage child = TestImages.pattern(800, 600, 31337, BufferedImage.TYPE_INT_RGB);
        byte[] original = TestImages.encode(child, "jpg");
        long caseId = createCase(seriesOwner, "N-1");
        long series = createSeries(seriesOwner, caseId, "shared series with the child", "all");
        ingest(seriesOwner, caseId, series, List.of(Map.entry("child.jpg", original)));
        long privateCase = createCase(privateOwner, "N-2");
        long privateSeries = createSeries(privateOwner, privateCase, "private series with the child", "owner");
        ingest(privateOwner, privateCase, privateSeries, List.of(Map.entry("copy.jpg", original)));

        // the family's photo: the same picture, half the size, encoded again
        long id = create(desk.writer(), "YN-match");
        JsonNode added = ok(api.upload(desk.writer(), "/api/notices/" + id + "/photos", "photo",
                List.of(Map.entry("family.jpg", TestImages.encode(resized(child, 400, 300), "jpg")))));

        assertThat(added.get("photos").get(0).get("pdq_quality").asInt()).isGreaterThanOrEqualTo(50);
        List<JsonNode> toNotice = noticeAlerts(desk.writer());
        List<JsonNode> toSeries = noticeAlerts(seriesOwner);
        List<JsonNode> toPrivate = noticeAlerts(privateOwner);
        assertThat(toNotice).hasSize(1);
        assertThat(toNotice.getFirst().get("series_name").asString()).isEqualTo("shared series with the child");
        assertThat(toNotice.getFirst().get("message").asString()).contains("YN-match").contains("Contact: desk-");
        assertThat(toSeries).hasSize(1);
        assertThat(toSeries.getFirst().get("message").asString()).contains("yellow notice").contains("YN-match")
                .contains("your series 'shared series with the child'");
        // a private series' owner is told; the notice's agency learns nothing of that series
        assertThat(toPrivate).hasSize(1);
        assertThat(toNotice.toString()).doesNotContain("private series");
        assertThat(lastAudit(desk.writer(), "notice.photo").get("detail").toString()).contains("\"alerts\":1");
    }

    @Test
    void materialIngestedAfterTheNoticeAlertsBothOwnersToo() throws IOException {
        Desk desk = desk("XB");
        BufferedImage child = TestImages.pattern(800, 600, 27182, BufferedImage.TYPE_INT_RGB);
        long id = create(desk.writer(), "YN-later");
        ok(api.upload(desk.writer(), "/api/notices/" + id + "/photos", "photo",
                List.of(Map.entry("family.png", TestImages.encode(resized(child, 400, 300), "png")))));
        assertThat(noticeAlerts(desk.writer())).isEmpty();

        String seriesOwner = agencyWithUser("XA");
        long caseId = createCase(seriesOwner, "L-1");
        long series = createSeries(seriesOwner, caseId, "series seized later", "all");
        ingest(seriesOwner, caseId, series, List.of(Map.entry("seized.jpg", TestImages.encode(child, "jpg"))));

        assertThat(noticeAlerts(desk.writer())).singleElement().satisfies(a -> assertThat(a.get("message").asString())
                .contains("YN-later").contains("series seized later"));
        assertThat(noticeAlerts(seriesOwner)).singleElement().satisfies(a -> assertThat(a.get("message").asString())
                .contains("yellow notice").contains("YN-later"));
    }

    @Test
    void theOpenApiDescriptionListsTheNoticeEndpoints() {
        JsonNode paths = ok(api.get(null, "/api/docs")).get("paths");
        assertThat(paths.has("/api/notices/dashboard")).isTrue();
        assertThat(paths.has("/api/notices/{id}/texts/{language}/review")).isTrue();
        assertThat(paths.has("/api/alerts")).isTrue();
    }

    private List<JsonNode> noticeAlerts(String user) {
        List<JsonNode> alerts = new ArrayList<>();
        ok(api.get(user, "/api/alerts")).forEach(a -> {
            if (a.get("reason").asString().equals("notice_photo")) {
                alerts.add(a);
            }
        });
        return alerts;
    }

    private static BufferedImage resized(BufferedImage image, int width, int height) {
        BufferedImage copy = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = copy.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return copy;
    }

}
