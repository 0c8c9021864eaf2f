package org.ariadne.server.ui;

import org.ariadne.server.preferences.UserPreferences;
import org.ariadne.server.security.Account;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The user's own settings: how thumbnails are shown and when a break is suggested. */
@Controller
class PreferencesPage {

    private final UserPreferences preferences;

    PreferencesPage(UserPreferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping("/preferences")
    String show() {
        return "preferences";
    }

    @PostMapping("/preferences")
    String save(@AuthenticationPrincipal Account account, @RequestParam(defaultValue = "false") boolean blur,
                @RequestParam(defaultValue = "false") boolean greyscale,
                @RequestParam(name = "break", required = false) Integer breakMinutes) {
        preferences.update(account, blur, greyscale, breakMinutes);
        return "redirect:/preferences?saved";
    }
}
