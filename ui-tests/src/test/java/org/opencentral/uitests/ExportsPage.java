package org.opencentral.uitests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The list of data exports with their health, lag and counters (refreshed by the page every 2 s). */
record ExportsPage(Page page) {

    static ExportsPage open(Page page) {
        new AppShell(page).go("Data export");
        assertThat(Roles.table(page, "Exports")).isVisible();
        return new ExportsPage(page);
    }

    Locator status(String id) {
        return row(id).getByRole(com.microsoft.playwright.options.AriaRole.CELL).nth(3);
    }

    Locator sent(String id) {
        return row(id).getByTestId("sent");
    }

    Locator failed(String id) {
        return row(id).getByTestId("failed");
    }

    Locator lag(String id) {
        return row(id).getByTestId("lag");
    }

    private Locator row(String id) {
        return page.getByTestId("export-" + id);
    }
}
