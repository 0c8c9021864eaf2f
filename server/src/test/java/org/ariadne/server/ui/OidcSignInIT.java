package org.ariadne.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import org.ariadne.idp.TestIdentityProvider;
import org.ariadne.server.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign-in through an agency's OpenID Connect provider, end to end: a real provider (Spring Authorization
 * Server, {@link TestIdentityProvider}) and a server configured for it, driven through the browser's whole
 * redirect flow. The server is a second one, with its own data folder ({@code ariadne.it.data}): its
 * properties differ from the other tests'.
 *
 * <p>The browser reaches the server at 127.0.0.1 and the provider at localhost: cookies do not tell ports
 * apart, so two hosts keep the two sessions apart; and a loopback address is what the provider accepts
 * as a redirect on any port.
 */
class OidcSignInIT extends BrowserIT {

    static final String AGENCY = "Agency with its own provider";
    static final String PROVIDER = "Test provider";
    /** Users the provider knows; Ariadne knows some of them. */
    static final String MAPPED = "ana", STRANGER = "stranger", FOREIGN = "foreign", DORMANT = "dormant",
            REBOUND = "rebound";

    private static ConfigurableApplicationContext provider;

    private static synchronized ConfigurableApplicationContext provider() {
        if (provider == null) {
            provider = TestIdentityProvider.start(MAPPED, STRANGER, FOREIGN, DORMANT, REBOUND);
        }
        return provider;
    }

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry registry) {
        registry.add("ariadne.it.data", OidcSignInIT::dataFolder);
        registry.add("ariadne.oidc.issuer-uri", () -> TestIdentityProvider.issuer(provider()));
        registry.add("ariadne.oidc.client-id", () -> TestIdentityProvider.CLIENT_ID);
        registry.add("ariadne.oidc.client-secret", () -> TestIdentityProvider.CLIENT_SECRET);
        registry.add("ariadne.oidc.agency", () -> AGENCY);
        registry.add("ariadne.oidc.name", () -> PROVIDER);
    }

    private static Path data;

    /** Made once: the property is read many times. */
    private static synchronized String dataFolder() {
        if (data == null) {
            try {
                data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "it-oidc-data-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return data.toString();
    }

    @Test
    void signsInThroughTheProviderAsTheMappedUserWhoseSessionAlsoServesTheApi() {
        accounts.create(providersAgency(), MAPPED, "Ana Example", PASSWORD, EnumSet.of(Role.CONTRIBUTOR, Role.SPECIALIST));

        signInAtProvider(MAPPED);
        page.waitForURL(ariadne("/"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dashboard"))).isVisible();
        assertThat(page.locator(".frame nav")).containsText("Ana Example");

        // the pages' own calls to the API ride on the same session, with the CSRF header
        Object created = page.evaluate("""
                async () => {
                  const header = document.querySelector('meta[name=csrf-header]').content;
                  const token = document.querySelector('meta[name=csrf-token]').content;
                  const send = headers => fetch('/api/cases', {method: 'POST', body: JSON.stringify({reference: 'OIDC-1', title: 'OIDC'}),
                      headers: {'Content-Type': 'application/json', ...headers}}).then(r => r.status);
                  return [await send({}), await send({[header]: token}),
                          await fetch('/api/me').then(r => r.json()).then(me => me.username)];
                }""");
        assertThat(created).isEqualTo(java.util.List.of(403, 201, MAPPED));

        assertThat(lastLogin(MAPPED)).containsEntry("outcome", "ok").containsEntry("method", "oidc");
        assertThat(jdbc.sql("select oidc_subject from app_user where username = ?").param(MAPPED).query(String.class).single())
                .as("bound to the provider's subject").isEqualTo(MAPPED);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'user.oidc-bind' and target = ?")
                .param("user:" + MAPPED).query(Long.class).single()).as("the binding audited, once").isEqualTo(1);
    }

    @Test
    void thePasswordFormStillWorksBesideTheProvider() {
        String user = agencyWithUser("XC");
        signIn(user);
        assertThat(page.locator(".frame nav")).containsText(accounts.loadUserByUsername(user).displayName());
    }

    @Test
    void aUserTheProviderKnowsButAriadneDoesNotIsRefused() {
        assertRefused(STRANGER, "may not sign you in to any Ariadne account", "unknown user");
    }

    @Test
    void aUserOfAnotherAgencyIsRefusedAsIfUnknown() {
        long other = agencies.create("XB", "Agency without a provider", "other@example.test");
        accounts.create(other, FOREIGN, "Foreign User", PASSWORD, EnumSet.of(Role.SPECIALIST));

        assertRefused(FOREIGN, "may not sign you in to any Ariadne account", "other agency");
        assertThat(jdbc.sql("select oidc_subject from app_user where username = ?").param(FOREIGN).query(String.class).optional())
                .as("not bound").isEmpty();
    }

    @Test
    void aDisabledUserIsRefused() {
        accounts.create(providersAgency(), DORMANT, "Dormant User", PASSWORD, EnumSet.of(Role.SPECIALIST));
        jdbc.sql("update app_user set enabled = false where username = ?").param(DORMANT).update();
        assertRefused(DORMANT, "your Ariadne account is disabled", "disabled");
    }

    @Test
    void anAccountBoundToAnotherSubjectOfTheProviderIsRefused() {
        accounts.create(providersAgency(), REBOUND, "Rebound User", PASSWORD, EnumSet.of(Role.SPECIALIST));
        jdbc.sql("update app_user set oidc_subject = 'the-first-holder-of-the-name' where username = ?").param(REBOUND).update();
        assertRefused(REBOUND, "Sign-in through your identity provider failed", "subject mismatch");
    }

    private long providersAgency() {
        return agencies.findByName(AGENCY).map(a -> a.id()).orElseGet(() -> agencies.create("XA", AGENCY, "desk@example.test"));
    }

    /** From Ariadne's sign-in page through the provider's form; back at Ariadne, wherever it sends the user. */
    private void signInAtProvider(String user) {
        page.navigate(ariadne("/login"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with " + PROVIDER)).click();
        page.waitForURL(TestIdentityProvider.issuer(provider()) + "/login");
        page.getByLabel("Username").fill(user);
        page.getByLabel("Password").fill(TestIdentityProvider.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    /** Signs in at the provider; Ariadne's sign-in page shows the message and the audit log the reason. */
    private void assertRefused(String user, String message, String reason) {
        signInAtProvider(user);
        page.waitForURL(url -> url.startsWith(ariadne("/login?")));
        assertThat(page.getByRole(AriaRole.ALERT)).containsText(message);
        assertThat(lastLogin(user)).containsEntry("outcome", "refused").containsEntry("method", "oidc")
                .containsEntry("reason", reason);
    }

    /** The newest sign-in entry for a user name: outcome, and the detail's fields. */
    private Map<String, Object> lastLogin(String user) {
        return jdbc.sql("""
                        select outcome, detail::jsonb ->> 'method' as method, detail::jsonb ->> 'reason' as reason
                        from audit_entry where action = 'login' and target = ? order by seq desc limit 1""")
                .param("user:" + user).query().singleRow();
    }

    private String ariadne(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
