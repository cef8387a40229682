package org.opencentral.uitests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** Application settings, file uploads: the Azure Storage account and container devices upload to. */
record FileUploadSettingsPage(Page page) {
    static final String CONNECTION_STRING = "Storage account connection string";

    /** Follows the navigation to the page. */
    static FileUploadSettingsPage open(Page page) {
        new AppShell(page).go("File uploads");
        assertThat(Roles.heading(page, "File uploads")).isVisible();
        return new FileUploadSettingsPage(page);
    }

    /** Fills the form and saves it; an empty {@code connectionString} keeps the stored one. */
    FileUploadSettingsPage save(String connectionString, String container, int sasMinutes, boolean readAccess) {
        if (!connectionString.isEmpty()) {
            Roles.field(page, CONNECTION_STRING).fill(connectionString);
        }
        Roles.field(page, "Container").fill(container);
        Roles.field(page, "SAS token lifetime (minutes)").fill(Integer.toString(sasMinutes));
        Roles.field(page, "Users may download uploaded files").setChecked(readAccess);
        Roles.button(page, "Save").click();
        return this;
    }

    /** Removes the storage (devices upload to the embedded store again). */
    FileUploadSettingsPage remove() {
        Roles.button(page, "Remove storage").click();
        ConfirmDialog.of(page).confirm("Remove");
        return this;
    }

    /** The sentence saying where devices upload to. */
    Locator where() {
        return page.locator("main").getByText("devices upload files to");
    }

    Locator field(String label) {
        return Roles.field(page, label);
    }

    Locator state() {
        return page.locator("main .page-head .badge");
    }

    Locator error() {
        return Roles.alert(page);
    }
}
