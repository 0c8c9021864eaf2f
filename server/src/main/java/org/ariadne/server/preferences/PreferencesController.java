package org.ariadne.server.preferences;

import org.ariadne.server.security.Account;
import org.ariadne.server.web.ApiException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's own preferences: no one reads or changes another user's. */
@RestController
class PreferencesController {

    private final UserPreferences preferences;

    PreferencesController(UserPreferences preferences) {
        this.preferences = preferences;
    }

    /** The whole set, as PUT replaces it; a null break reminder means the server's default. */
    record Change(Boolean blurThumbnails, Boolean greyscaleThumbnails, Integer breakReminderMinutes) {
    }

    @GetMapping("/api/me/preferences")
    DisplayPreferences get(@AuthenticationPrincipal Account account) {
        return preferences.of(account);
    }

    @PutMapping("/api/me/preferences")
    DisplayPreferences put(@AuthenticationPrincipal Account account, @RequestBody Change body) {
        if (body.blurThumbnails() == null || body.greyscaleThumbnails() == null) {
            throw ApiException.badRequest("blur_thumbnails and greyscale_thumbnails are needed (true or false)");
        }
        return preferences.update(account, body.blurThumbnails(), body.greyscaleThumbnails(), body.breakReminderMinutes());
    }
}
