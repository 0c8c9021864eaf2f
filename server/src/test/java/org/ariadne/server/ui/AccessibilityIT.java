package org.ariadne.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every page passes axe-core's WCAG 2 A and AA rules (labels, contrast, landmarks, names of controls), and
 * fits a 1366x768 screen without sideways scrolling, in English and in French.
 */
class AccessibilityIT extends BrowserIT {

    private static final String AXE = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    @Test
    void everyPageFollowsTheAccessibilityRulesAndFitsTheScreen() throws IOException {
        String user = agencyWithUser("XA", org.ariadne.server.security.Role.SPECIALIST,
                org.ariadne.server.security.Role.CONTRIBUTOR, org.ariadne.server.security.Role.AUDITOR);
        long series = seriesWith(user, "accessible", "owner", List.of(
                referencePhoto("bridge-mods/aaa-orig.jpg"), referencePhoto("bridge-mods/sharpen-a-lot.jpg")));
        List<Long> media = jdbc.sql("select media_id from submission where series_id = ? order by media_id")
                .param(series).query(Long.class).list();
        long caseId = jdbc.sql("select investigation_id from series where id = ?").param(series).query(Long.class).single();
        List<String> pages = List.of("/", "/cases", "/cases/" + caseId, "/series/" + series, "/media/" + media.get(0),
                "/compare?a=" + media.get(0) + "&b=" + media.get(1), "/search", "/search/text?q=bridge",
                "/categorise?series=" + series, "/categorise/disagreements", "/audit", "/preferences",
                "/yellow-notices", "/yellow-notices/new");

        // axe is injected as a script of the test's, which the pages' CSP would refuse
        context.close();
        context = browserContext(new Browser.NewContextOptions().setViewportSize(1366, 768).setBypassCSP(true));
        page = context.newPage();
        String axe;
        try (InputStream in = AccessibilityIT.class.getResourceAsStream(AXE)) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> problems = new ArrayList<>();
        check("/login", axe, problems);
        signIn(user);
        for (String language : List.of("en", "fr")) {
            page.navigate(url("/?lang=" + language));
            for (String path : pages) {
                check(path, axe, problems);
            }
        }
        assertThat(problems).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private void check(String path, String axe, List<String> problems) {
        int status = page.navigate(url(path)).status();
        if (status != 200) {
            problems.add(path + ": answered " + status);
        }
        page.waitForLoadState();
        page.addScriptTag(new com.microsoft.playwright.Page.AddScriptTagOptions().setContent(axe));
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate("""
                async () => (await axe.run(document, { runOnly: ["wcag2a", "wcag2aa"] })).violations
                    .map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(" ")).slice(0, 3) }))""");
        for (Map<String, Object> violation : violations) {
            problems.add(path + ": " + violation);
        }
        Object wide = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
        if (Boolean.TRUE.equals(wide)) {
            problems.add(path + ": wider than 1366 pixels");
        }
    }
}
