package org.ariadne.server.security;

import java.util.Map;
import org.ariadne.server.audit.Actor;
import org.ariadne.server.audit.AuditLog;
import org.ariadne.server.audit.Outcome;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password sign-in with a second factor for users who enrolled one, throttling and auditing: a locked name
 * is refused before its password is checked (so a lock costs no Argon2 work), and every refused sign-in is
 * written to the audit log.
 */
@Component
class ThrottledAuthentication implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final AuditLog audit;

    private final Accounts accounts;

    ThrottledAuthentication(Accounts accounts, PasswordEncoder encoder, LoginThrottle throttle, AuditLog audit) {
        this.accounts = accounts;
        this.passwords = new DaoAuthenticationProvider(accounts);
        this.passwords.setPasswordEncoder(encoder);
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String username = attempt.getName();
        if (throttle.locked(username)) {
            audit.record(Actor.SYSTEM, "login", "user:" + username, Outcome.REFUSED, Map.of("reason", "locked"));
            throw new LockedException("too many failed sign-ins; try again later");
        }
        try {
            Authentication done = passwords.authenticate(attempt);
            secondFactor((Account) done.getPrincipal(), attempt.getDetails());
            throttle.succeeded(username);
            return done;
        } catch (AuthenticationException e) {
            throttle.failed(username);
            audit.record(Actor.SYSTEM, "login", "user:" + username, Outcome.REFUSED, Map.of("reason", "bad credentials"));
            throw e instanceof BadCredentialsException ? e : new BadCredentialsException("bad credentials");
        }
    }

    /**
     * A user who enrolled a second factor must give its current code ({@link OneTimeCode#HEADER}), each code
     * once: a signed-in session keeps its sign-in, so a client needs a new code only for a new session.
     */
    private void secondFactor(Account account, Object details) {
        String secret = accounts.totpSecret(account.id());
        if (secret == null) {
            return;
        }
        String code = details instanceof OneTimeCode given ? given.code() : null;
        long step = Totp.matchingStep(secret, code, java.time.Instant.now());
        if (step < 0) {
            throw new BadCredentialsException(code == null ? "second factor required" : "wrong second factor");
        }
        if (!accounts.useTotpStep(account.id(), step)) {
            throw new BadCredentialsException("that second-factor code was used already");
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
