package org.opencentral.uitests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The data export destinations and the editor of a new webhook destination, as an administrator uses them. */
record DestinationsPage(Page page) {

    static DestinationsPage open(Page page) {
        page.navigate("/destinations");
        assertThat(Roles.table(page, "Destinations")).isVisible();
        return new DestinationsPage(page);
    }

    /** Creates a webhook destination sending to {@code url}; the list of destinations is shown. */
    DestinationsPage createWebhook(String id, String name, String url) {
        Roles.link(page, "+ New destination").click();
        assertThat(Roles.heading(page, "New destination")).isVisible();
        Roles.field(page, "Destination ID").fill(id);
        Roles.field(page, "Name").fill(name);
        Roles.field(page, "Destination type").selectOption("Webhook");
        Roles.field(page, "Callback URL").fill(url);
        Roles.button(page, "Save destination").click();
        assertThat(Roles.row(page, name)).isVisible();
        return this;
    }

    Locator destination(String name) {
        return Roles.row(Roles.table(page, "Destinations"), name);
    }
}
