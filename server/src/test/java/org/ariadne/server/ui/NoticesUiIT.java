package org.ariadne.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ariadne.server.security.Role;
import org.junit.jupiter.api.Test;

/**
 * A yellow notice through the desk's pages: written in a form, its photo added, submitted (the clock
 * starts and the dashboard shows it), translated and reviewed by colleagues, published, and its public
 * Arabic page read right to left by a visitor who is not signed in.
 */
class NoticesUiIT extends BrowserIT {

    @Test
    void aNoticeGoesFromTheFormToItsPublicPages() throws Exception {
        String writer = agencyWithUser("XA");
        String translator = colleagueOf(writer, writer + "-translator", Role.TRANSLATOR);
        String reviewer = colleagueOf(writer, writer + "-reviewer", Role.REVIEWER);
        signIn(writer);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Yellow notices")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New notice")).click();
        page.getByLabel("Reference").fill("YN-UI-1");
        page.getByLabel("Given names").fill("Mira");
        page.getByLabel("Family name").fill("Synthetica");
        page.getByLabel("Born on").fill("2016-05-04");
        page.getByLabel("Nationalities (ISO codes)").fill("FR");
        page.getByLabel("Disappeared on").fill("2026-11-20");
        page.getByLabel("Contact").fill("missing-children desk, +00 100 0001");
        page.getByLabel("Description", new Page.GetByLabelOptions().setExact(true)).fill("Last seen at a synthetic railway station.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the draft")).click();
        assertThat(page.locator("#notice-state")).hasText("draft");
        long id = Long.parseLong(page.url().replaceAll(".*/", ""));

        Path photo = Files.createTempFile("notice", ".jpg");
        Files.write(photo, SpecialistUiIT.freshPicture(8101));
        page.getByLabel("Add a photo").setInputFiles(photo);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit (starts the 72-hour clock)")).click();
        assertThat(page.locator("#notice-state")).hasText("submitted");

        page.navigate(url("/yellow-notices"));
        assertThat(page.locator("#open-notices")).containsText("YN-UI-1");
        assertThat(page.locator("#open-notices")).containsText("71 h");

        for (String language : List.of("fr", "es", "ar")) {
            api.call(translator, "PUT", "/api/notices/" + id + "/texts/" + language,
                    Map.of("description", "text " + language + (language.equals("ar") ? " شوهدت آخر مرة" : "")));
        }
        for (String language : List.of("en", "fr", "es", "ar")) {
            api.post(reviewer, "/api/notices/" + id + "/texts/" + language + "/review", null);
        }
        page.navigate(url("/yellow-notices/" + id));
        assertThat(page.locator("#notice-state")).hasText("reviewed");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish")).click();
        assertThat(page.locator("#notice-state")).hasText("published");

        String arabic = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("ar").setExact(true))
                .getAttribute("href");
        Page visitor = browserContext(new com.microsoft.playwright.Browser.NewContextOptions()).newPage();
        assertThat(visitor.navigate(url(arabic)).status()).isEqualTo(200);
        assertThat(visitor.locator("html")).hasAttribute("dir", "rtl");
        assertThat(visitor.locator("body")).containsText("Mira");
        assertThat(visitor.locator("body")).not().containsText("YN-UI-1");
        visitor.context().close();
    }
}
