package org.opencentral.uitests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The data export destinations and the destination editor, as an administrator uses them. */
record DestinationsPage(Page page) {

    static DestinationsPage open(Page page) {
        page.navigate("/destinations");
        assertThat(Roles.table(page, "Destinations")).isVisible();
        return new DestinationsPage(page);
    }

    /** Creates a webhook destination sending to {@code url}, its requests signed with {@code signingSecret}. */
    DestinationsPage createWebhook(String id, String name, String url, String signingSecret) {
        start(id, name, "Webhook");
        Roles.field(page, "Callback URL").fill(url);
        Roles.field(page, "Signing secret (optional)").fill(signingSecret);
        return save(name);
    }

    /** Creates a Kafka destination sending to {@code topic} without credentials. */
    DestinationsPage createKafka(String id, String name, String bootstrapServers, String topic) {
        start(id, name, "Kafka");
        Roles.field(page, "Bootstrap servers").fill(bootstrapServers);
        Roles.field(page, "Topic").fill(topic);
        return save(name);
    }

    /** Creates a folder destination writing under {@code path} of the server's export directory. */
    DestinationsPage createFolder(String id, String name, String path) {
        start(id, name, "Folder on the server");
        Roles.field(page, "Folder").fill(path);
        return save(name);
    }

    /** Creates an Azure Blob Storage destination of {@code container} reached with {@code connectionString}. */
    DestinationsPage createBlobStorage(String id, String name, String connectionString, String container) {
        start(id, name, "Azure Blob Storage");
        Roles.field(page, "Connection string").fill(connectionString);
        Roles.field(page, "Container").fill(container);
        return save(name);
    }

    /** The secret field {@code secretLabel} of destination {@code id}'s editor (described by whether it is set). */
    Locator secret(String id, String secretLabel) {
        page.navigate("/destinations/" + id);
        return Roles.field(page, secretLabel);
    }

    private void start(String id, String name, String type) {
        Roles.link(page, "+ New destination").click();
        assertThat(Roles.heading(page, "New destination")).isVisible();
        Roles.field(page, "Destination ID").fill(id);
        Roles.field(page, "Name").fill(name);
        Roles.field(page, "Destination type").selectOption(type);
    }

    private DestinationsPage save(String name) {
        Roles.button(page, "Save destination").click();
        assertThat(Roles.row(page, name)).isVisible();
        return this;
    }

    Locator destination(String name) {
        return Roles.row(Roles.table(page, "Destinations"), name);
    }
}
