package org.ariadne.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.ariadne.server.Api;
import org.ariadne.server.ServerIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/** Sign-in: throttled after repeated failures, second factor once enrolled, refusals audited. */
class SignInIT extends ServerIT {

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneIsRefusedForAWhile() {
        String user = agencyWithUser("XA");
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            assertThat(api.get(user + ":wrong-" + i, "/api/me").status()).isEqualTo(401);
        }
        assertThat(api.get(user, "/api/me").status()).isEqualTo(401);
        long refused = jdbc.sql("select count(*) from audit_entry where action = 'login' and target = ? and outcome = 'refused'")
                .param("user:" + user).query(Long.class).single();
        assertThat(refused).isEqualTo(LoginThrottle.MAX_FAILURES + 1);
    }

    @Test
    void onceEnrolledASecondFactorIsNeeded() throws Exception {
        String user = agencyWithUser("XA");
        Api.Answer offer = api.post(user, "/api/me/totp", null);
        String secret = offer.json().get("secret").asString();
        assertThat(offer.json().get("uri").asString()).startsWith("otpauth://totp/Ariadne:" + user + "?secret=" + secret);
        assertThat(api.post(user, "/api/me/totp/confirm", Map.of("code", "000000")).status()).isEqualTo(400);
        assertThat(api.post(user, "/api/me/totp/confirm", Map.of("code", now(secret))).status()).isEqualTo(200);
        // a copy of the database does not give the second factor away
        String stored = jdbc.sql("select totp_secret from app_user where username = ?").param(user)
                .query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain(secret);

        assertThat(api.get(user, "/api/me").status()).as("password alone").isEqualTo(401);
        assertThat(withCode(user, wrong(now(secret)))).as("wrong code").isEqualTo(401);
        String code = now(secret);
        assertThat(withCode(user, code)).as("password and code").isEqualTo(200);
        assertThat(withCode(user, code)).as("the same code again, in a new session").isEqualTo(401);
    }

    @Test
    void aSecondFactorStoredInClearBeforeSecretsWereSealedIsSealedAtStartAndStillWorks() throws Exception {
        String user = agencyWithUser("XA");
        String secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        jdbc.sql("update app_user set totp_secret = ? where username = ?").params(secret, user).update();

        accounts.sealSecretsStoredInClear(); // what the server does when it starts

        String stored = jdbc.sql("select totp_secret from app_user where username = ?").param(user)
                .query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain(secret);
        assertThat(api.get(user, "/api/me").status()).as("password alone").isEqualTo(401);
        assertThat(withCode(user, now(secret))).as("password and code").isEqualTo(200);
    }

    @Test
    void aBasicSignInIsKeptInTheSessionSoTheCookieAloneWillDo() throws Exception {
        String user = agencyWithUser("XA");
        URI me = URI.create("http://localhost:" + port + "/api/me");
        HttpResponse<Void> signedIn = HttpClient.newHttpClient().send(HttpRequest.newBuilder(me)
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.discarding());
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

        HttpResponse<String> again = HttpClient.newHttpClient().send(HttpRequest.newBuilder(me)
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains(user);
    }

    @Autowired
    ApplicationContext context;

    @Test
    void withoutAnIdentityProviderTheSignInPageOffersNoneAndItsPathLeadsNowhere() throws Exception {
        assertThat(context.getBeanNamesForType(OidcSignIn.class)).isEmpty();
        assertThat(context.getBeanNamesForType(ClientRegistrationRepository.class)).isEmpty();
        HttpClient client = HttpClient.newHttpClient();
        String page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("name=\"password\"").doesNotContain(OidcSettings.SIGN_IN_PATH);
        HttpResponse<Void> provider = client.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + OidcSettings.SIGN_IN_PATH)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(provider.statusCode()).as("sent to sign in, not to a provider").isEqualTo(302);
        assertThat(provider.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    private int withCode(String user, String code) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/me"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header(OneTimeCode.HEADER, code).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String now(String secret) {
        return Totp.code(Totp.fromBase32(secret), Instant.now().getEpochSecond() / Totp.STEP_SECONDS, Totp.DIGITS);
    }

    private static String wrong(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 500_000) % 1_000_000);
    }
}
