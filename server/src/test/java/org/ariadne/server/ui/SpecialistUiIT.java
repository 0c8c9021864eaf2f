package org.ariadne.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

/** What a specialist does in the browser, end to end, against the real server and database. */
class SpecialistUiIT extends BrowserIT {

    @Test
    void signsInWithTheSecondFactorAndSwitchesToFrench() throws Exception {
        String user = agencyWithUser("XA");
        String secret = api.post(user, "/api/me/totp", null).json().get("secret").asString();
        assertThat(api.post(user, "/api/me/totp/confirm", Map.of("code", totp(secret, Instant.now()))).status())
                .isEqualTo(200);

        signIn(user, null); // no code: refused
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Sign-in failed");
        signIn(user, totp(secret, Instant.now()));
        page.waitForURL(url("/"));
        assertThat(page.getByRole(AriaRole.HEADING, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Dashboard")))
                .isVisible();
        // the dashboard needs no imagery, so it loads none
        assertThat(page.locator("img").count()).isZero();

        page.getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Français")).click();
        assertThat(page.locator("h1")).hasText("Tableau de bord");
        assertThat(page.locator("html")).hasAttribute("lang", "fr");
    }

    @Test
    void uploadsByDragAndDropAndReadsTheResultInThreeGroups() {
        String owner = agencyWithUser("XA");
        long bridge = seriesWith(owner, "Bridge series", "all", List.of(referencePhoto("reg-test-input/dih/bridge-1-original.jpg")));
        api.call(owner, "PUT", "/api/series/" + bridge + "/status",
                Map.of("victim_identified", true, "offender_identified", false, "identified_at", "2025-03-14"));
        String user = agencyWithUser("XB");

        signIn(user);
        page.getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Cases")).click();
        page.getByLabel("Reference").fill("Laptop 7");
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Create case")).click();
        page.locator("#series-name").fill("Holiday pictures");
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Create series")).click();
        assertThat(page.locator("h1")).containsText("Holiday pictures");
        String seriesUrl = page.url();
        page.goBack();
        page.reload();
        page.getByLabel("Into series").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Holiday pictures"));

        drop("#dropzone", List.of(referencePhoto("reg-test-input/dih/bridge-3-rotate-180.jpg"),
                referencePhoto("reg-test-input/dih/bridge-1-original.jpg"),
                Map.entry("fresh.jpg", freshPicture(9001))));

        // each file's own progress bar reaches 100 %, then the job's panel reports it done
        Locator bars = page.locator("#upload-files-list progress");
        assertThat(bars).hasCount(3);
        assertThat(page.locator("#job-panel[data-state=done]")).isVisible(
                new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        for (int i = 0; i < 3; i++) {
            assertThat(bars.nth(i)).hasAttribute("value", "100");
        }
        assertThat(page.locator("#group-known_identified .count")).hasText("2");
        assertThat(page.locator("#group-known_not_identified .count")).hasText("0");
        assertThat(page.locator("#group-new .count")).hasText("1");
        assertThat(page.locator("#group-known_identified")).containsText("Bridge series");

        // the dashboard says it in the reader's words: what, where, the series' status, whom to contact
        page.navigate(url("/"));
        assertThat(page.locator(".alerts")).containsText("is the same file of material in series \"Bridge series\"");
        assertThat(page.locator(".alerts")).containsText("Victim identified by Test agency");
        assertThat(page.locator(".alerts")).containsText("Contact: desk-");
        Locator firstAlert = page.locator("li.alert").first();
        assertThat(firstAlert).hasClass(java.util.regex.Pattern.compile("unread"));
        firstAlert.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark as read")).click();
        assertThat(page.locator("li.alert").first()).not().hasClass(java.util.regex.Pattern.compile("unread"));

        page.navigate(seriesUrl);
        assertThat(page.locator(".grid .tile")).hasCount(3);
        assertThat(page.locator("#links")).containsText("Bridge series");
    }

    @Test
    void categorisesWithTheKeyboardUntilTwoSpecialistsAgree() {
        String user = agencyWithUser("XA");
        String colleague = colleagueOf(user, "colleague-of-" + user, org.ariadne.server.security.Role.SPECIALIST);
        long series = seriesWith(user, "to categorise", "owner", List.of(Map.entry("a.jpg", freshPicture(7001)),
                Map.entry("b.jpg", freshPicture(7002)), Map.entry("c.jpg", freshPicture(7003))));
        List<Long> media = submittedMedia(series);

        signIn(user);
        page.navigate(url("/categorise?series=" + series));
        Locator first = tile(media.get(0));
        Locator second = tile(media.get(1));
        assertThat(first).isFocused();
        page.keyboard().press("2");
        assertThat(first.locator(".vote")).hasText("▸ 2");
        page.keyboard().press("ArrowRight");
        assertThat(second).isFocused();
        page.keyboard().press("3");
        assertThat(second.locator(".vote")).hasText("▸ 3");
        page.keyboard().press("u"); // undo: the second item has no vote again
        assertThat(second.locator(".vote")).hasText("");
        // bulk: select both, then one key votes for both
        page.keyboard().press("Space");
        page.keyboard().press("ArrowLeft");
        page.keyboard().press("Space");
        page.keyboard().press("4");
        assertThat(first.locator(".vote")).hasText("▸ 4");
        assertThat(second.locator(".vote")).hasText("▸ 4");
        assertThat(tile(media.get(2)).locator(".vote")).hasText("");

        // a second specialist agrees on the first and not on the second
        api.call(colleague, "PUT", "/api/media/" + media.get(0) + "/vote", Map.of("category", "4"));
        api.call(colleague, "PUT", "/api/media/" + media.get(1) + "/vote", Map.of("category", "1"));
        page.reload();
        assertThat(tile(media.get(0)).locator(".final")).hasText("agreed: 4");
        assertThat(tile(media.get(1)).locator(".final")).hasText("");
        assertThat(jdbc.sql("select category from media where id = ?").param(media.get(0)).query(String.class).single())
                .isEqualTo("4");
        page.navigate(url("/categorise/disagreements"));
        assertThat(page.locator("#disagreements")).containsText("media " + media.get(1));
        assertThat(page.locator("#disagreements")).not().containsText("media " + media.get(0) + "\n");
    }

    @Test
    void keysPressedFasterThanTheServerAnswersVoteOnTheTilesTheyWerePressedOn() {
        String user = agencyWithUser("XA");
        long series = seriesWith(user, "quick keys", "owner", List.of(Map.entry("a.jpg", freshPicture(7011)),
                Map.entry("b.jpg", freshPicture(7012)), Map.entry("c.jpg", freshPicture(7013))));
        List<Long> media = submittedMedia(series);
        signIn(user);
        page.navigate(url("/categorise?series=" + series));
        assertThat(tile(media.get(0))).isFocused();

        // the first vote is held at the network until the specialist has moved on twice
        List<Route> held = new ArrayList<>();
        page.route("**/api/votes", route -> {
            if (held.isEmpty()) {
                held.add(route);
            } else {
                route.resume();
            }
        });
        page.keyboard().press("2");
        page.waitForCondition(() -> !held.isEmpty());
        page.keyboard().press("ArrowRight");
        page.keyboard().press("3"); // queued behind the held vote
        page.keyboard().press("ArrowRight");
        assertThat(tile(media.get(2))).isFocused();
        held.getFirst().resume();

        assertThat(tile(media.get(0)).locator(".vote")).hasText("▸ 2");
        assertThat(tile(media.get(1)).locator(".vote")).hasText("▸ 3");
        assertThat(tile(media.get(2)).locator(".vote")).hasText("");
    }

    /** The series' media in the order the categorisation page shows them (by media id, not by submission). */
    private List<Long> submittedMedia(long series) {
        return jdbc.sql("select media_id from submission where series_id = ? order by media_id")
                .param(series).query(Long.class).list();
    }

    private Locator tile(long media) {
        return page.locator(".tile[data-media='" + media + "']");
    }

    @Test
    void thumbnailsAreBlurredAndGreyUntilRevealed() {
        String user = agencyWithUser("XA");
        long series = seriesWith(user, "wellness", "owner", List.of(Map.entry("colours.jpg", freshPicture(7100))));

        signIn(user);
        page.navigate(url("/series/" + series));
        Locator shield = page.locator(".tile .shield").first();
        Locator image = shield.locator("img");
        assertThat(filterOf(image)).contains("blur").contains("grayscale");
        shield.click();
        assertThat(shield).hasClass(java.util.regex.Pattern.compile("revealed"));
        assertThat(filterOf(image)).isEqualTo("none");
        shield.click();
        assertThat(filterOf(image)).contains("blur");
        // the image really arrived: a thumbnail, not a broken picture
        assertThat(((Number) image.evaluate("i => i.naturalWidth")).intValue()).isBetween(1, 320);

        // a user may choose unblurred thumbnails
        page.navigate(url("/preferences"));
        page.getByLabel("Blurred until revealed").uncheck();
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Saved.");
        page.navigate(url("/series/" + series));
        assertThat(filterOf(page.locator(".tile .shield img").first())).doesNotContain("blur").contains("grayscale");

        // and colour: the picture itself then arrives in colour, not only without the grey filter
        page.navigate(url("/preferences"));
        page.getByLabel("In greyscale").uncheck();
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Save")).click();
        page.navigate(url("/series/" + series));
        Locator colour = page.locator(".tile .shield img").first();
        assertThat(filterOf(colour)).isEqualTo("none");
        colour.evaluate("i => i.decode()");
        assertThat(colourfulness(colour)).as("mean difference between the colour channels").isGreaterThan(5);
    }

    /** How far a picture's pixels are from grey: the mean of |r-g| + |g-b| over a canvas copy of it. */
    private double colourfulness(Locator image) {
        return ((Number) image.evaluate("""
                i => { const c = document.createElement("canvas"); c.width = i.naturalWidth; c.height = i.naturalHeight;
                  const g = c.getContext("2d"); g.drawImage(i, 0, 0);
                  const d = g.getImageData(0, 0, c.width, c.height).data; let sum = 0;
                  for (let p = 0; p < d.length; p += 4) sum += Math.abs(d[p] - d[p + 1]) + Math.abs(d[p + 1] - d[p + 2]);
                  return sum / (d.length / 4); }""")).doubleValue();
    }

    @Test
    void annotatesByDrawingABoxOnThePicture() {
        String user = agencyWithUser("XA");
        long series = seriesWith(user, "clues", "owner", List.of(referencePhoto("reg-test-input/dih/bridge-1-original.jpg")));
        long media = mediaOf(series);

        signIn(user);
        page.navigate(url("/media/" + media));
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Draw a box")).click();
        BoundingBox box = page.locator("#media-image").boundingBox();
        page.mouse().move(box.x + box.width * 0.25, box.y + box.height * 0.25);
        page.mouse().down();
        page.mouse().move(box.x + box.width * 0.5, box.y + box.height * 0.5, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
        page.mouse().up();
        page.getByLabel("Clue type").selectOption("location");
        page.getByLabel("Text", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true)).fill("bridge railing, river bank");
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Save annotation")).click();

        assertThat(page.locator("#annotations")).containsText("bridge railing, river bank");
        assertThat(page.locator("#annotatable .box")).hasCount(1);
        Map<String, Object> saved = jdbc.sql("select x, y, width, height, clue_type from annotation where media_id = ?")
                .param(media).query().singleRow();
        int width = jdbc.sql("select width from media where id = ?").param(media).query(Integer.class).single();
        // a quarter of the picture in from the left, a quarter of its width wide, in the original's pixels
        assertThat(((Number) saved.get("x")).doubleValue()).isBetween(width * 0.2, width * 0.3);
        assertThat(((Number) saved.get("width")).doubleValue()).isBetween(width * 0.2, width * 0.3);
        assertThat(saved.get("clue_type")).isEqualTo("location");
    }

    @Test
    void drawsABoxWithTheKeyboardAlone() {
        String user = agencyWithUser("XA");
        long series = seriesWith(user, "keyboard", "owner", List.of(Map.entry("keys.jpg", freshPicture(7200))));
        long media = mediaOf(series);

        signIn(user);
        page.navigate(url("/media/" + media));
        Locator draw = page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Draw a box"));
        draw.press("Enter");
        assertThat(page.locator("#new-box")).hasCount(1);
        page.keyboard().press("Escape"); // a box begun and thought better of: gone
        assertThat(page.locator("#new-box")).hasCount(0);
        assertThat(draw).isFocused();
        draw.press("Enter");
        for (int i = 0; i < 5; i++) {
            page.keyboard().press("ArrowRight"); // a fiftieth of the width each: from a quarter to 35 %
        }
        page.keyboard().press("Shift+ArrowDown");
        page.keyboard().press("Enter");
        assertThat(page.getByLabel("Clue type")).isFocused();
        page.keyboard().press("ArrowDown"); // object -> text
        page.getByLabel("Text", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true)).fill("a sign on the wall");
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Save annotation")).click();

        assertThat(page.locator("#annotations")).containsText("a sign on the wall");
        Map<String, Object> saved = jdbc.sql("select x, y, width, height, clue_type from annotation where media_id = ?")
                .param(media).query().singleRow();
        // the seeded picture is 640 x 480: the box starts at 160 + 5 x 13, a quarter down, half wide, half + 10 high
        assertThat(saved.get("x")).isEqualTo(160 + 5 * 13);
        assertThat(saved.get("y")).isEqualTo(120);
        assertThat(saved.get("width")).isEqualTo(320);
        assertThat(saved.get("height")).isEqualTo(240 + 10);
        assertThat(saved.get("clue_type")).isEqualTo("text");
    }

    @Test
    void comparesALinkedPairSideBySide() {
        String owner = agencyWithUser("XA");
        long series = seriesWith(owner, "originals", "all", List.of(referencePhoto("bridge-mods/aaa-orig.jpg")));
        String other = agencyWithUser("XB");
        long otherSeries = seriesWith(other, "edits", "all", List.of(referencePhoto("bridge-mods/sharpen-a-lot.jpg")));

        signIn(other);
        page.navigate(url("/series/" + otherSeries));
        assertThat(page.locator("#links")).containsText("originals");
        assertThat(page.locator("#links")).containsText("Near duplicate");
        page.locator("#links").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Compare")).first().click();
        assertThat(page.locator("h1")).hasText("Compare");
        assertThat(page.locator("#pdq-distance")).containsText("within the near-duplicate radius");
        assertThat(page.locator(".split .shield")).hasCount(2);
    }

    @Test
    void showsWhereTwoPicturesShowTheSameScene() {
        String owner = agencyWithUser("XA");
        // a street scene no other test uploads: a scene many tests' copies share would crowd the candidates
        Map.Entry<String, byte[]> photo = referencePhoto("reg-test-input/labelme-subset/q0746.jpg");
        long original = seriesWith(owner, "street at dusk", "all", List.of(photo));
        String other = agencyWithUser("XB");
        long detail = seriesWith(other, "detail", "all",
                List.of(Map.entry("detail.png", org.ariadne.server.TestPictures.middle(photo.getValue(), 0.7))));

        signIn(other);
        page.navigate(url("/series/" + detail));
        Locator link = page.locator("#links tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Same scene"));
        assertThat(link).containsText("street at dusk");
        assertThat(link).containsText("score");
        link.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Compare")).click();
        assertThat(page.locator("#same-scene")).containsText("features agree");
        Locator regions = page.locator(".region");
        assertThat(regions).hasCount(2);
        // the detail is the middle 70 % of the photo: its box covers most of the detail, and in the photo
        // lies within that middle
        double inDetail = share(regions.nth(0), "fw");
        double inPhoto = share(regions.nth(1), "fw");
        assertThat(inDetail).isGreaterThan(0.6);
        assertThat(inPhoto).isLessThan(0.75);
        assertThat(share(regions.nth(1), "fx")).isGreaterThan(0.1);

        // a box drawn around the middle of the detail finds the photo it comes from
        page.navigate(url("/media/" + mediaOf(detail)));
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Draw a box")).click();
        BoundingBox picture = page.locator("#media-image").boundingBox();
        page.mouse().move(picture.x + picture.width * 0.25, picture.y + picture.height * 0.25);
        page.mouse().down();
        page.mouse().move(picture.x + picture.width * 0.75, picture.y + picture.height * 0.75,
                new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
        page.mouse().up();
        page.locator("#find-elsewhere").click();
        assertThat(page.locator("#scene-results .tile[data-media='" + mediaOf(original) + "']")).hasCount(1);
    }

    private static double share(Locator region, String data) {
        return Double.parseDouble(region.getAttribute("data-" + data));
    }

    @Test
    void searchesByADroppedImage() {
        String user = agencyWithUser("XA");
        long series = seriesWith(user, "search", "owner", List.of(referencePhoto("reg-test-input/dih/bridge-1-original.jpg")));
        long media = mediaOf(series);

        signIn(user);
        page.navigate(url("/search"));
        drop("#search-drop", List.of(referencePhoto("reg-test-input/dih/bridge-2-rotate-90.jpg")));
        page.waitForURL(url("/search/image"));
        assertThat(page.locator("#image-results")).isVisible();
        // a rotation of the known picture: not the same file, but a near duplicate
        assertThat(page.locator("#image-results h3").first()).containsText("(0)");
        assertThat(page.locator("#image-results .tile[data-media='" + media + "']")).hasCount(1);
    }

    @Test
    void aUserOfAnotherAgencyIsRefusedAndTheAttemptAudited() {
        String owner = agencyWithUser("XA");
        long series = seriesWith(owner, "owner only", "owner", List.of(referencePhoto("misc-images/wee.jpg")));
        long media = mediaOf(series);
        String stranger = agencyWithUser("XC");

        signIn(stranger);
        long caseId = jdbc.sql("select investigation_id from series where id = ?").param(series).query(Long.class).single();
        for (String path : List.of("/series/" + series, "/media/" + media, "/cases/" + caseId)) {
            var response = page.navigate(url(path));
            assertThat(response.status()).isEqualTo(404);
            assertThat(page.locator("main")).containsText("Not found, or not shared with your agency");
            assertThat(page.locator("main")).not().containsText("owner only");
        }
        long refused = jdbc.sql("""
                        select count(*) from audit_entry e join app_user u on u.id = e.user_id
                        where u.username = ? and e.outcome = 'refused'""")
                .param(stranger).query(Long.class).single();
        assertThat(refused).isGreaterThanOrEqualTo(3);
        // and the audit page is for auditors only
        assertThat(page.navigate(url("/audit")).status()).isEqualTo(403);
    }

    /** A picture no other test uploads (seeded), so that it is new whatever ran before. */
    static byte[] freshPicture(long seed) {
        try {
            return org.ariadne.media.TestImages.encode(
                    org.ariadne.media.TestImages.pattern(640, 480, seed, java.awt.image.BufferedImage.TYPE_INT_RGB), "jpg");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String filterOf(Locator element) {
        return (String) element.evaluate("e => getComputedStyle(e).filter");
    }

    /** RFC 6238's code (HMAC-SHA1, 30-second steps, 6 digits), computed here independently of the server's. */
    static String totp(String base32Secret, Instant at) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(new Base32().decode(base32Secret), "HmacSHA1"));
        byte[] digest = mac.doFinal(ByteBuffer.allocate(8).putLong(at.getEpochSecond() / 30).array());
        int offset = digest[digest.length - 1] & 0x0f;
        int binary = ByteBuffer.wrap(digest, offset, 4).getInt() & 0x7fffffff;
        return String.format("%06d", binary % 1_000_000);
    }
}
