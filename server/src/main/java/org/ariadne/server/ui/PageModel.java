package org.ariadne.server.ui;

import org.ariadne.server.preferences.DisplayPreferences;
import org.ariadne.server.preferences.UserPreferences;
import org.ariadne.server.security.Account;
import org.ariadne.server.security.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's frame needs: who is signed in, which menu entries they get, the break reminder. */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

    private final UserPreferences preferences;

    PageModel(UserPreferences preferences) {
        this.preferences = preferences;
    }

    /** The user's display preferences, read once a request (one small query); null on the sign-in page. */
    @ModelAttribute("preferences")
    DisplayPreferences preferences(@AuthenticationPrincipal Account account) {
        return account == null ? null : preferences.of(account);
    }

    @ModelAttribute("me")
    Account me(@AuthenticationPrincipal Account account) {
        return account;
    }

    @ModelAttribute("auditor")
    boolean auditor(@AuthenticationPrincipal Account account) {
        return account != null && account.has(Role.AUDITOR);
    }

    /** How thumbnails are shown (app.css classes): blurred and grey unless the user chose otherwise. */
    @ModelAttribute("shieldClasses")
    String shieldClasses(@ModelAttribute("preferences") DisplayPreferences display) {
        if (display == null) {
            return "blur grey";
        }
        return ((display.blurThumbnails() ? "blur " : "") + (display.greyscaleThumbnails() ? "grey" : "")).strip();
    }

    /** Whether thumbnails are asked for in colour: only if the user turned greyscale off. */
    @ModelAttribute("colourThumbnails")
    boolean colourThumbnails(@ModelAttribute("preferences") DisplayPreferences display) {
        return display != null && !display.greyscaleThumbnails();
    }

    /** Suggest a break after this long in one sitting: the user's own setting, else the server's. */
    @ModelAttribute("breakAfterMinutes")
    int breakAfterMinutes(@ModelAttribute("preferences") DisplayPreferences display) {
        return display == null ? UserPreferences.DEFAULT_BREAK_AFTER_MINUTES : display.breakAfterMinutes();
    }
}
