package org.ariadne.server.ui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.JSHandle;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.ariadne.server.ServerIT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * Base of the end-to-end tests: the real server (as every {@link ServerIT}) driven through Debian's Chromium,
 * headless, by Playwright. Each test gets a fresh browser context (no cookies) at 1366x768, and leaves a
 * screenshot of where it ended in {@code target/screenshots}, passed or failed.
 */
abstract class BrowserIT extends ServerIT {

    /** Debian's package; Playwright's own browser download is never used (this machine has no network for it). */
    static final Path CHROMIUM = Path.of(System.getProperty("ariadne.chromium", "/usr/bin/chromium"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** Chromium's own background traffic is refused by a closed network, and a root user needs no sandbox flag. */
    private static final List<String> QUIET = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private static Playwright playwright;
    private static Browser browser;

    protected BrowserContext context;
    protected Page page;

    @BeforeAll
    static void browser() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("the browser tests need Debian's Chromium at " + CHROMIUM
                    + " (apt-get install chromium), or -Dariadne.chromium=PATH");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(QUIET));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void newContext() {
        context = browserContext(new Browser.NewContextOptions().setViewportSize(1366, 768).setLocale("en-GB"));
        page = context.newPage();
    }

    /** A new browser context of the test's own (e.g. other options); closed after the test. */
    protected BrowserContext browserContext(Browser.NewContextOptions options) {
        BrowserContext created = browser.newContext(options);
        created.setDefaultTimeout(20_000);
        return created;
    }

    @AfterEach
    void screenshot(TestInfo test) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        String name = getClass().getSimpleName() + "-" + test.getTestMethod().orElseThrow().getName() + ".png";
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
        context.close();
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Signs in through the form; {@code code} is the second-factor code, or null. */
    protected void signIn(String user, String code) {
        page.navigate(url("/login"));
        page.getByLabel("User name").fill(user);
        page.getByLabel("Password").fill(PASSWORD);
        if (code != null) {
            page.getByLabel("Second-factor code").fill(code);
        }
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    protected void signIn(String user) {
        signIn(user, null);
        page.waitForURL(url("/"));
    }

    /** The one media item of a series (the tests share a server, so "new" depends on the other tests). */
    protected long mediaOf(long series) {
        return jdbc.sql("select media_id from submission where series_id = ?").param(series).query(Long.class).single();
    }

    /** Drops files on an element as a user dragging them from their desktop would. */
    protected void drop(String selector, List<Map.Entry<String, byte[]>> files) {
        List<List<String>> encoded = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : files) {
            encoded.add(List.of(file.getKey(), Base64.getEncoder().encodeToString(file.getValue())));
        }
        JSHandle transfer = page.evaluateHandle("""
                files => {
                  const transfer = new DataTransfer();
                  for (const [name, base64] of files) {
                    const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
                    transfer.items.add(new File([bytes], name, { type: "image/jpeg" }));
                  }
                  return transfer;
                }""", encoded);
        page.dispatchEvent(selector, "drop", Map.of("dataTransfer", transfer));
    }
}
