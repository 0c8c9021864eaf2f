package org.ariadne.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Videos in the pages: a muted strip of keyframes on the media page (pictures only, no sound ever), and two
 * matching videos side by side with their matched segments on timelines.
 */
class VideoUiIT extends BrowserIT {

    @Test
    void aReEncodedVideoShowsItsMatchedSegmentsAndAKeyframeStrip() throws IOException {
        String owner = agencyWithUser("XA");
        long original = seriesWith(owner, "chair", "all", List.of(video("chair-orig-22-sd-bar.mp4")));
        String other = agencyWithUser("XB");
        long copy = seriesWith(other, "grey chair", "all", List.of(video("chair-22-sd-grey-bar.mp4")));
        long a = mediaOf(copy);
        long b = mediaOf(original);
        assertThat(jdbc.sql("select kind from media_link where media_a = ? and media_b = ?")
                .params(Math.min(a, b), Math.max(a, b)).query(String.class).list()).contains("video_match");

        signIn(other);
        page.navigate(url("/compare?a=" + a + "&b=" + b));
        assertThat(page.locator("#verdict")).containsText("a match");
        assertThat(page.locator("#segments .timeline").first().locator(".segment")).not().hasCount(0);
        // a segment is placed along the whole video's timeline by its share of the duration
        String width = (String) page.locator("#segments .timeline .segment").first().evaluate("s => s.style.width");
        assertThat(Double.parseDouble(width.replace("%", ""))).isGreaterThan(10);

        page.navigate(url("/media/" + a));
        assertThat(page.locator("#keyframes img")).not().hasCount(0);
        page.locator("#keyframes img").first().evaluate("i => i.decode()");
        assertThat(((Number) page.locator("#keyframes img").first().evaluate("i => i.naturalWidth")).intValue())
                .isPositive();
        assertThat(page.locator("audio")).hasCount(0);
        assertThat(page.locator("#keyframes .shield").first()).hasClass(java.util.regex.Pattern.compile("blur"));
    }

    private static Map.Entry<String, byte[]> video(String name) throws IOException {
        Path file = reference().resolve("vpdq").resolve("videos").resolve(name);
        return Map.entry(name, Files.readAllBytes(file));
    }
}
