package org.ariadne.server.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * Who may call what. Everything under {@code /api} needs a signed-in user (HTTP Basic for forensic tools);
 * which agency's data a user may touch is checked by each feature, not here.
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

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        // ThrottledAuthentication, a bean, is the global authentication manager's only provider; adding it to
        // this chain too would run every failed sign-in through it twice (chain, then global as parent)
        http.securityContext(context -> context.securityContextRepository(new DelegatingSecurityContextRepository(
                        new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository())))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/docs", "/api/docs/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/notices/**").permitAll() // published yellow notices only
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationDetailsSource(OneTimeCode::of).authenticationEntryPoint((request, response, e) ->
                        json(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", "sign in first")))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) ->
                                json(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", "sign in first"))
                        .accessDeniedHandler((request, response, e) ->
                                json(response, HttpServletResponse.SC_FORBIDDEN, "forbidden", "not allowed")))
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    private static void json(HttpServletResponse response, int status, String code, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write("{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}");
    }
}
