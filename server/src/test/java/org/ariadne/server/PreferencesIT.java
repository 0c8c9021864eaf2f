package org.ariadne.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Display preferences: blurred grey thumbnails by default, the server's break reminder unless the user sets one. */
class PreferencesIT extends ServerIT {

    @Test
    void preferencesStartSafeAndRoundTripPerUser() {
        String user = agencyWithUser("ZA");
        String other = agencyWithUser("ZB");

        JsonNode defaults = api.get(user, "/api/me/preferences").json();
        assertThat(defaults.get("blur_thumbnails").asBoolean()).isTrue();
        assertThat(defaults.get("greyscale_thumbnails").asBoolean()).isTrue();
        assertThat(defaults.get("break_reminder_minutes").isNull()).isTrue();
        assertThat(defaults.get("break_after_minutes").asInt()).isEqualTo(50);

        JsonNode changed = api.call(user, "PUT", "/api/me/preferences", Map.of("blur_thumbnails", false,
                "greyscale_thumbnails", true, "break_reminder_minutes", 25)).json();
        assertThat(changed.get("blur_thumbnails").asBoolean()).isFalse();
        assertThat(changed.get("break_reminder_minutes").asInt()).isEqualTo(25);
        assertThat(changed.get("break_after_minutes").asInt()).isEqualTo(25);
        assertThat(api.get(user, "/api/me/preferences").json()).isEqualTo(changed);
        assertThat(lastAuditOf(user)).containsEntry("action", "preferences.update").containsEntry("outcome", "ok");
        // another user's are their own
        assertThat(api.get(other, "/api/me/preferences").json().get("blur_thumbnails").asBoolean()).isTrue();

        Map<String, Object> backToDefault = new HashMap<>();
        backToDefault.put("blur_thumbnails", true);
        backToDefault.put("greyscale_thumbnails", false);
        backToDefault.put("break_reminder_minutes", null);
        JsonNode reset = api.call(user, "PUT", "/api/me/preferences", backToDefault).json();
        assertThat(reset.get("break_reminder_minutes").isNull()).isTrue();
        assertThat(reset.get("break_after_minutes").asInt()).isEqualTo(50);
        assertThat(reset.get("greyscale_thumbnails").asBoolean()).isFalse();
    }

    @Test
    void nonsenseIsRefused() {
        String user = agencyWithUser("ZC");
        assertThat(api.call(user, "PUT", "/api/me/preferences", Map.of("blur_thumbnails", true,
                "greyscale_thumbnails", true, "break_reminder_minutes", 1)).status()).isEqualTo(400);
        assertThat(api.call(user, "PUT", "/api/me/preferences", Map.of("blur_thumbnails", true)).status())
                .isEqualTo(400);
        assertThat(api.get(user, "/api/me/preferences").json().get("break_reminder_minutes").isNull()).isTrue();
    }
}
