package org.ariadne.server.security;

import java.util.Map;
import org.ariadne.server.audit.AuditLog;
import org.ariadne.server.audit.Outcome;
import org.ariadne.server.web.ApiException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's own credentials: changing the password, and enrolling a second factor: the server offers a secret (and the {@code otpauth://} URI an authenticator app
 * reads), the user confirms it with a code from the app; from then on every sign-in needs a current code.
 */
@RestController
class SecondFactorController {

    private static final String ISSUER = "Ariadne";

    private final Accounts accounts;
    private final AuditLog audit;

    SecondFactorController(Accounts accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    record Code(String code) {
    }

    record PasswordChange(String current, String replacement) {
    }

    /** Changes the signed-in user's password, given the current one. */
    @PostMapping("/api/me/password")
    Map<String, Boolean> password(@AuthenticationPrincipal Account account, @RequestBody PasswordChange body) {
        if (!accounts.changePassword(account, body.current(), body.replacement())) {
            audit.record(account.actor(), "password.change", "user:" + account.id(), Outcome.REFUSED);
            throw ApiException.badRequest("the current password is wrong, or the new one is shorter than "
                    + Accounts.MIN_PASSWORD_LENGTH + " characters");
        }
        audit.record(account.actor(), "password.change", "user:" + account.id(), Outcome.OK);
        return Map.of("changed", true);
    }

    @PostMapping("/api/me/totp")
    Map<String, String> offer(@AuthenticationPrincipal Account account) {
        String secret = accounts.offerTotp(account.id());
        audit.record(account.actor(), "totp.offer", "user:" + account.id(), Outcome.OK);
        return Map.of("secret", secret, "uri", Totp.uri(ISSUER, account.username(), secret));
    }

    @PostMapping("/api/me/totp/confirm")
    Map<String, Boolean> confirm(@AuthenticationPrincipal Account account, @RequestBody Code body) {
        if (!accounts.confirmTotp(account.id(), body.code())) {
            audit.record(account.actor(), "totp.confirm", "user:" + account.id(), Outcome.REFUSED);
            throw ApiException.badRequest("wrong code, or no secret offered");
        }
        audit.record(account.actor(), "totp.confirm", "user:" + account.id(), Outcome.OK);
        return Map.of("second_factor", true);
    }
}
