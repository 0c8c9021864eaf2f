/**
 * Accounts and sign-in: Argon2id password hashes, throttled and audited sign-in, optionally through an
 * agency's own OpenID Connect provider ({@link org.ariadne.server.security.OidcSettings}), roles
 * ({@link org.ariadne.server.security.Role}), and the signed-in {@link org.ariadne.server.security.Account}
 * that every controller receives. Agency-level access (whose data a user may see) is not decided here but
 * by each feature through {@code series.Visibility}.
 */
package org.ariadne.server.security;
