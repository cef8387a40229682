package org.opencentral.uitests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;

/** One Playwright driver and one headless Debian Chromium ({@link Chromium}) for a test class, closed together. */
record BrowserSession(Playwright playwright, Browser browser) implements AutoCloseable {

    static BrowserSession start() {
        Playwright playwright = Chromium.playwright();
        try {
            return new BrowserSession(playwright, Chromium.launch(playwright));
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /**
     * A new browser context at laptop size on {@code base} (15 s for every wait), signed in as the
     * test platform's administrator: its one page shows the device list. Close it after the test.
     */
    BrowserContext signedIn(URI base) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900)
                .setBaseURL(base.toString()));
        context.setDefaultTimeout(15_000);
        Page page = context.newPage();
        page.navigate("/signin");
        page.getByLabel("Email").fill("admin@example.com");
        page.getByLabel("Password").fill("a-long-test-password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Devices").setExact(true)))
                .isVisible();
        return context;
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
