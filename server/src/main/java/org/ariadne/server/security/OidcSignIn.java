package org.ariadne.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.ariadne.server.audit.Actor;
import org.ariadne.server.audit.AuditLog;
import org.ariadne.server.audit.Outcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserSource;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Sign-in through the agency's own OpenID Connect provider; exists only when {@code ariadne.oidc.issuer-uri}
 * is set (see {@link OidcSettings}).
 *
 * <p>How the provider's user becomes an {@link Account}: Spring Security's {@link OidcUserService} checks the
 * ID token (signature, issuer, audience, nonce) and reads the user info; its converter, {@link #account}, maps
 * the result to the local account the user-name claim names, or refuses. Spring Security then holds an
 * {@code OAuth2AuthenticationToken} whose principal is an {@link OidcUser}, which no
 * {@code @AuthenticationPrincipal Account} could receive. So {@link #signedIn} puts in its place, in the
 * session, a {@link PreAuthenticatedAuthenticationToken} (someone else vouched for the identity: what
 * "pre-authenticated" means) whose principal is the {@link Account} itself. From then on the session is the
 * same as after a password sign-in: for the pages, and for the {@code /api} calls they make, whose chain
 * reads the same session. Account itself stays free of OpenID Connect types, and the provider's tokens
 * are not kept, since Ariadne calls none of its APIs.
 *
 * <p>No second factor is asked here: Ariadne's TOTP guards its own passwords, while a provider runs its
 * own MFA, which is the agency's policy to set there.
 */
@Component
@ConditionalOnProperty(prefix = "ariadne.oidc", name = "issuer-uri")
class OidcSignIn {

    /** openid for the ID token; profile for the claims that name users (preferred_username). */
    private static final String[] SCOPES = {"openid", "profile"};

    /** Which message the sign-in page shows, as its query parameter. */
    enum Refusal {
        /** No account, or one of another agency: which of the two is not said. */
        UNKNOWN("oidc-unknown"),
        DISABLED("oidc-disabled"),
        FAILED("oidc-failed");

        final String parameter;

        Refusal(String parameter) {
            this.parameter = parameter;
        }
    }

    private final OidcSettings settings;
    private final Accounts accounts;
    private final AuditLog audit;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final SavedRequestAwareAuthenticationSuccessHandler landing = new SavedRequestAwareAuthenticationSuccessHandler();

    OidcSignIn(OidcSettings settings, Accounts accounts, AuditLog audit) {
        if (settings.clientId() == null || settings.clientSecret() == null) {
            throw new IllegalStateException("ariadne.oidc.issuer-uri is set: set ariadne.oidc.client-id and client-secret too");
        }
        if (settings.agency() == null || settings.agency().isBlank()) {
            // an agency's own provider must never sign in another agency's users (nor skip their second factor)
            throw new IllegalStateException("ariadne.oidc.issuer-uri is set: set ariadne.oidc.agency, the one agency "
                    + "whose users " + settings.issuerUri() + " may sign in");
        }
        this.settings = settings;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** Adds the provider's sign-in to the pages' chain, beside the password form. */
    void configure(HttpSecurity http) throws Exception {
        OidcUserService users = new OidcUserService();
        users.setOidcUserConverter(this::account);
        http.oauth2Login(login -> login.loginPage("/login")
                .clientRegistrationRepository(new IssuerRegistration(settings))
                .authorizedClientRepository(new NothingKept())
                .userInfoEndpoint(info -> info.oidcUserService(users))
                .successHandler(this::signedIn)
                .failureHandler(this::refused)
                // an unreachable provider sends the user back to the sign-in page, not to an error page
                .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                    @Override
                    public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
                        filter.setAuthenticationFailureHandler(OidcSignIn.this::refused);
                        return filter;
                    }
                }));
    }

    /** The provider's user, checked and mapped to the local account; refused otherwise. */
    private OidcUser account(OidcUserSource source) {
        DefaultOidcUser user = new DefaultOidcUser(List.of(), source.getUserRequest().getIdToken(),
                source.getUserInfo());
        String username = user.getClaimAsString(settings.usernameClaim());
        if (username == null || username.isBlank()) {
            throw new Refused(null, "no " + settings.usernameClaim() + " claim", Refusal.FAILED);
        }
        Account account;
        try {
            account = accounts.loadUserByUsername(username);
        } catch (UsernameNotFoundException e) {
            throw new Refused(username, "unknown user", Refusal.UNKNOWN);
        }
        if (!settings.agency().equals(accounts.agencyName(account.agencyId()))) {
            throw new Refused(username, "other agency", Refusal.UNKNOWN);
        }
        if (!account.enabled()) {
            throw new Refused(username, "disabled", Refusal.DISABLED);
        }
        switch (accounts.bindOidcSubject(account.id(), user.getSubject())) {
            case OTHER_SUBJECT -> throw new Refused(username, "subject mismatch", Refusal.FAILED);
            // the binding decides who the name means from now on: an administrator must be able to see it
            case BOUND_NOW -> audit.record(account.actor(), "user.oidc-bind", "user:" + username, Outcome.OK,
                    Map.of("subject", user.getSubject(), "claim", settings.usernameClaim()));
            case SAME_SUBJECT -> { }
        }
        return new SignedIn(account, user, settings.usernameClaim());
    }

    /** Keeps the Account, not the provider's user, as the session's principal (see the class comment). */
    private void signedIn(HttpServletRequest request, HttpServletResponse response, Authentication oidc)
            throws IOException, ServletException {
        Account account = ((SignedIn) oidc.getPrincipal()).account;
        PreAuthenticatedAuthenticationToken signedIn =
                new PreAuthenticatedAuthenticationToken(account, null, account.getAuthorities());
        signedIn.setDetails(oidc.getDetails());
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(signedIn);
        holder.setContext(context);
        SecurityConfiguration.CONTEXTS.saveContext(context, request, response);
        audit.record(account.actor(), "login", "user:" + account.username(), Outcome.OK, Map.of("method", "oidc"));
        landing.onAuthenticationSuccess(request, response, signedIn);
    }

    private void refused(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        Refused refused = e instanceof Refused known ? known : new Refused(null,
                e instanceof OAuth2AuthenticationException failed ? failed.getError().getErrorCode() : "provider unreachable",
                Refusal.FAILED);
        audit.record(Actor.SYSTEM, "login", refused.username == null ? null : "user:" + refused.username,
                Outcome.REFUSED, Map.of("method", "oidc", "reason", refused.reason));
        response.sendRedirect(request.getContextPath() + "/login?" + refused.refusal.parameter);
    }

    /** A sign-in the provider vouched for but Ariadne refuses, with what the audit log and the page say. */
    private static final class Refused extends OAuth2AuthenticationException {
        private final String username;
        private final String reason;
        private final Refusal refusal;

        Refused(String username, String reason, Refusal refusal) {
            super(new OAuth2Error("access_denied"), reason);
            this.username = username;
            this.reason = reason;
            this.refusal = refusal;
        }
    }

    /** The provider's user, carrying the account it maps to until {@link #signedIn} takes it. */
    private static final class SignedIn extends DefaultOidcUser {
        private final transient Account account;

        SignedIn(Account account, OidcUser user, String nameClaim) {
            super(account.getAuthorities(), user.getIdToken(), user.getUserInfo(), nameClaim);
            this.account = account;
        }
    }

    /**
     * The registration, built from the provider's metadata at the first sign-in through it and kept: not at
     * start-up, so that the server starts, and local accounts work, while the provider is unreachable.
     */
    private static final class IssuerRegistration implements ClientRegistrationRepository {
        private final OidcSettings settings;
        private volatile ClientRegistration registration;

        IssuerRegistration(OidcSettings settings) {
            this.settings = settings;
        }

        @Override
        public ClientRegistration findByRegistrationId(String id) {
            if (!OidcSettings.REGISTRATION.equals(id)) {
                return null;
            }
            ClientRegistration known = registration;
            if (known == null) { // two first sign-ins at once both read the metadata: harmless
                known = ClientRegistrations.fromIssuerLocation(settings.issuerUri().toString())
                        .registrationId(OidcSettings.REGISTRATION)
                        .clientId(settings.clientId())
                        .clientSecret(settings.clientSecret())
                        .scope(SCOPES)
                        .userNameAttributeName(settings.usernameClaim())
                        .clientName(settings.providerName())
                        .build();
                registration = known;
            }
            return known;
        }
    }

    /** Keeps none of the provider's access or refresh tokens: Ariadne only needs to know who signed in. */
    private static final class NothingKept implements OAuth2AuthorizedClientRepository {
        @Override
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String registrationId, Authentication principal,
                                                                         HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal,
                                         HttpServletRequest request, HttpServletResponse response) {
            // not kept
        }

        @Override
        public void removeAuthorizedClient(String registrationId, Authentication principal,
                                           HttpServletRequest request, HttpServletResponse response) {
            // nothing to remove
        }
    }
}
