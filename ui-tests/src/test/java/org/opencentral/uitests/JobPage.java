package org.opencentral.uitests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.SelectOption;
import java.net.URI;

/** One job's page: its status, progress, devices, and what may be done with it. */
record JobPage(Page page) {
    /** The job's id, from the address. */
    String id() {
        String path = URI.create(page.url()).getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    void assertCounts(String text) {
        assertThat(page.getByTestId("job-counts")).hasText(text, new LocatorAssertions.HasTextOptions().setTimeout(60_000));
    }

    Locator status() {
        return page.locator(".page-head .badge").first();
    }

    Locator progressBar() {
        return page.getByRole(com.microsoft.playwright.options.AriaRole.PROGRESSBAR);
    }

    Locator devices() {
        return Roles.table(page, "Job devices");
    }

    void filter(String status) {
        page.getByLabel("Status").selectOption(new SelectOption().setLabel(status)); // its name includes the choice
    }

    Download exportCsv() {
        return page.waitForDownload(() -> Roles.button(page, "Export CSV").click());
    }

    NewJobPage copy() {
        Roles.link(page, "Copy job").click();
        return NewJobPage.opened(page);
    }

    JobsPage backToJobs() {
        Roles.link(page, "← Jobs").click();
        assertThat(Roles.heading(page, "Jobs")).isVisible();
        return new JobsPage(page);
    }
}
