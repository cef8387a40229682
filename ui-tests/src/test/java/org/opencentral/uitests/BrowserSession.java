package org.opencentral.uitests;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;

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

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
