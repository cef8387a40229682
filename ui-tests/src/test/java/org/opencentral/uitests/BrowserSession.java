package org.opencentral.uitests;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Playwright;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;

/** One Playwright driver and one headless Debian Chromium ({@link Chromium}) for a test class, closed together. */
record BrowserSession(Playwright playwright, Browser browser) implements AutoCloseable {

    /** With {@code trusted}: the certificates whose chains the browser accepts over HTTPS (see {@link Chromium#launch}). */
    static BrowserSession start(List<X509Certificate> trusted) {
        Playwright playwright = Chromium.playwright();
        try {
            return new BrowserSession(playwright, Chromium.launch(playwright, trusted));
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /**
     * A new browser window (its own context, so its own cookies) at laptop size on {@code base}, 15 s
     * for every wait, nobody signed in, its console watched. Close it after the test: closing asserts
     * that the console stayed clean.
     */
    BrowserWindow open(URI base) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900)
                .setBaseURL(base.toString()));
        context.setDefaultTimeout(15_000);
        ConsoleWatch console = ConsoleWatch.on(context);
        return new BrowserWindow(context, context.newPage(), console);
    }

    /** A new window ({@link #open}) signed in as the test platform's administrator, showing the device list. */
    BrowserWindow signedIn(URI base) {
        BrowserWindow window = open(base);
        SignInPage.open(window.page()).asAdministrator();
        return window;
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
