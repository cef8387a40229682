package org.opencentral.uitests;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * A browser context with one page, watched by a {@link ConsoleWatch}: closing it asserts that the
 * console stayed clean (no console errors, no failed requests but those the test expected), then
 * closes the context.
 */
record BrowserWindow(BrowserContext context, Page page, ConsoleWatch console) implements AutoCloseable {

    /** Excuses the failures a test provokes on purpose (a wrong password, a refused change). */
    BrowserWindow expectFailure(String method, String pathPrefix, int status) {
        console.expectFailure(method, pathPrefix, status);
        return this;
    }

    /** A full-page screenshot of the page as it is now, {@code name}.png in {@link Chromium#screenshots()}. */
    void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshots().resolve(name + ".png"))
                .setFullPage(true));
    }

    @Override
    public void close() {
        try {
            console.assertClean();
        } finally {
            context.close();
        }
    }
}
