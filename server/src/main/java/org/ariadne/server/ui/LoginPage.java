package org.ariadne.server.ui;

import org.ariadne.server.security.OidcSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in form; Spring Security takes the POST (name, password and the second-factor code). With an
 * OpenID Connect provider configured, a button leads to it too.
 */
@Controller
class LoginPage {

    private final OidcSettings oidc;

    LoginPage(OidcSettings oidc) {
        this.oidc = oidc;
    }

    @GetMapping("/login")
    String login(Model model) {
        if (oidc.configured()) {
            model.addAttribute("oidcProvider", oidc.providerName());
            model.addAttribute("oidcSignIn", OidcSettings.SIGN_IN_PATH);
        }
        return "login";
    }
}
