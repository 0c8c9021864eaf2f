package org.ariadne.server.security;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in through an agency's own OpenID Connect provider ({@code ariadne.oidc.*}): configured, not required.
 * Without an issuer none of it exists and the sign-in page offers the password form alone.
 *
 * @param issuerUri the provider's issuer; its metadata is read at the first sign-in through it, not at start-up
 * @param clientId Ariadne's client id at the provider
 * @param clientSecret Ariadne's client secret at the provider
 * @param usernameClaim the claim of the ID token (or user info) that names the local user
 * @param agency the name of the one agency whose users this provider may sign in (required with an issuer); the
 *     username claim must be one the provider controls and its users cannot edit (e.g. an employee id), since
 *     the first sign-in with a name binds the provider's subject to that account
 * @param name what the sign-in button calls the provider; unset, the issuer's host
 */
@ConfigurationProperties("ariadne.oidc")
public record OidcSettings(URI issuerUri, String clientId, String clientSecret,
                           @DefaultValue("preferred_username") String usernameClaim, String agency, String name) {

    /** Ariadne's one registration; the provider redirects back to {@code /login/oauth2/code/} followed by it. */
    static final String REGISTRATION = "oidc";
    /** Where the sign-in button leads: Spring Security redirects from there to the provider. */
    public static final String SIGN_IN_PATH = "/oauth2/authorization/" + REGISTRATION;

    public boolean configured() {
        return issuerUri != null;
    }

    public String providerName() {
        return name == null || name.isBlank() ? issuerUri.getHost() : name;
    }

    @Override
    public String toString() { // never the client secret
        return "OidcSettings[" + issuerUri + ", client " + clientId + ", claim " + usernameClaim + ", agency " + agency + "]";
    }
}
