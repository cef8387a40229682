package org.opencentral.uitests;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** A device's Files tab: the files the device uploaded, each with a download link. */
record FilesTab(Page page) {

    Locator files() {
        return Roles.table(page, "Uploaded files");
    }

    /** The row of the file named {@code name}. */
    Locator file(String name) {
        return files().locator("tr[data-file]").filter(new Locator.FilterOptions().setHasText(name));
    }

    /** Downloads the file named {@code name} by its link. */
    Download download(String name) {
        return page.waitForDownload(() -> Roles.link(page, name).click());
    }
}
