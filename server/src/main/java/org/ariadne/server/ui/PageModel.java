package org.ariadne.server.ui;

import org.ariadne.server.security.Account;
import org.ariadne.server.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's frame needs: who is signed in, which menu entries they get, the break reminder. */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

    /** Suggest a break after this long in one sitting; a user may set their own. */
    private final int breakAfterMinutes;

    PageModel(@Value("${ariadne.wellness.break-after-minutes:50}") int breakAfterMinutes) {
        this.breakAfterMinutes = breakAfterMinutes;
    }

    @ModelAttribute("me")
    Account me(@AuthenticationPrincipal Account account) {
        return account;
    }

    @ModelAttribute("auditor")
    boolean auditor(@AuthenticationPrincipal Account account) {
        return account != null && account.has(Role.AUDITOR);
    }

    /** How thumbnails are shown: blurred and grey by default (wellness.css classes). */
    @ModelAttribute("shieldClasses")
    String shieldClasses() {
        return "blur grey";
    }

    @ModelAttribute("breakAfterMinutes")
    int breakAfterMinutes() {
        return breakAfterMinutes;
    }
}
