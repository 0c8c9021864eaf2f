package org.ariadne.server.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may call what. Everything but the sign-in page needs a signed-in user: HTTP Basic for forensic tools
 * under {@code /api}, a sign-in form (or the agency's OpenID Connect provider, {@link OidcSignIn}) for the
 * pages; which agency's data a user may touch is checked by each feature, not here.
 *
 * <p>A signed-in user's session is kept: a client that returns the session cookie is not put through Argon2
 * (and the second factor) again on every request, which would cost each API call a tenth of a second of CPU.
 *
 * <p>CSRF protection stays on for browser sessions; a request that carries its own {@code Authorization}
 * header is exempt, since a browser never adds that header to a cross-site request by itself.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }

    /** The REST API: HTTP Basic (forensic tools) or the browser session of a signed-in page; JSON errors. */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        // ThrottledAuthentication, a bean, is the global authentication manager's only provider; adding it to
        // this chain too would run every failed sign-in through it twice (chain, then global as parent)
        http.securityMatcher("/api/**")
                .securityContext(context -> context.securityContextRepository(CONTEXTS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/docs", "/api/docs/**").permitAll()
                        .anyRequest().authenticated())
                // Basic sign-ins are saved in the session too (not so by default): a tool that keeps the cookie
                // is not put through Argon2 on every call
                .httpBasic(basic -> basic.securityContextRepository(CONTEXTS)
                        .authenticationDetailsSource(OneTimeCode::fromHeader).authenticationEntryPoint((request, response, e) ->
                                json(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", "sign in first")))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) ->
                                json(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", "sign in first"))
                        .accessDeniedHandler((request, response, e) ->
                                json(response, HttpServletResponse.SC_FORBIDDEN, "forbidden", "not allowed")))
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null));
        return headers(http).build();
    }

    /**
     * The specialists' pages: a sign-in form (name, password and, for users who enrolled one, the current
     * second-factor code), or the agency's OpenID Connect provider when one is configured, then the session.
     * Anyone not signed in is sent to the form.
     */
    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, ObjectProvider<OidcSignIn> oidc) throws Exception {
        http.securityContext(context -> context.securityContextRepository(CONTEXTS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC_PAGES).permitAll()
                        .requestMatchers(HttpMethod.GET, "/notices/**").permitAll() // published yellow notices only
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll()
                        .authenticationDetailsSource(OneTimeCode::fromForm)
                        .defaultSuccessUrl("/", false)
                        .failureHandler((request, response, e) -> response.sendRedirect(
                                request.getContextPath() + "/login?" + (e instanceof LockedException ? "locked" : "failed"))))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signed-out"));
        OidcSignIn signIn = oidc.getIfAvailable();
        if (signIn != null) {
            signIn.configure(http);
        }
        return headers(http).build();
    }

    /** Pages and files anyone may load: the sign-in form and what it is drawn with. */
    private static final String[] PUBLIC_PAGES = {"/login", "/css/**", "/js/**", "/webjars/**", "/favicon.svg", "/error"};

    static final DelegatingSecurityContextRepository CONTEXTS = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

    /**
     * No script, style or picture from anywhere but this server, and no inline script or style: a
     * specialist's browser never runs code an uploaded file's metadata managed to slip into a page.
     */
    private static HttpSecurity headers(HttpSecurity http) throws Exception {
        return http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data: blob:; "
                        + "media-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
    }

    private static void json(HttpServletResponse response, int status, String code, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write("{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}");
    }
}
