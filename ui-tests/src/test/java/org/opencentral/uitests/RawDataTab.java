package org.opencentral.uitests;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** A device's raw data tab: every message and connection event, malformed ones marked. */
record RawDataTab(Page page) {

    Locator messages() {
        return Roles.table(page, "Raw messages");
    }

    Locator firstError() {
        return messages().locator("tr.row-error").first();
    }

    /** The messages with {@code text} in them. */
    Locator messagesWith(String text) {
        return messages().locator("tr[data-seq]").filter(new Locator.FilterOptions().setHasText(text));
    }

    /** The connection event {@code event} ("Connected", "Disconnected"). */
    Locator event(String event) {
        return messages().getByText(event, new Locator.GetByTextOptions().setExact(true));
    }
}
