package org.opencentral.uitests;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The jobs list: the jobs with their progress, and the scheduled jobs. */
record JobsPage(Page page) {
    Locator jobs() {
        return page.getByRole(com.microsoft.playwright.options.AriaRole.TABLE,
                new Page.GetByRoleOptions().setName("Jobs").setExact(true));
    }

    Locator scheduledJobs() {
        return Roles.table(page, "Scheduled jobs");
    }

    /** The row of the scheduled job {@code name}. */
    Locator scheduled(String name) {
        return Roles.row(scheduledJobs(), name);
    }

    void disable(String name) {
        Roles.button(scheduled(name), "Disable " + name).click();
    }

    /** The cell of {@code name}'s row under the column {@code column} (1-based). */
    Locator scheduledCell(String name, int column) {
        return scheduled(name).locator("td").nth(column - 1);
    }
}
