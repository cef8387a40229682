package org.opencentral.uitests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;

/** The guided new-job flow (also when it starts as a copy of a job). */
record NewJobPage(Page page) {
    static NewJobPage open(Page page) {
        page.navigate("/jobs");
        Roles.link(page, "+ New job").click();
        return opened(page);
    }

    static NewJobPage opened(Page page) {
        assertThat(Roles.heading(page, "New job")).isVisible();
        return new NewJobPage(page);
    }

    Locator name() {
        return Roles.field(page, "Name");
    }

    void name(String name) {
        name().fill(name);
    }

    Locator group() {
        return Roles.field(page, "Device group");
    }

    void group(String label) {
        group().selectOption(new SelectOption().setLabel(label));
    }

    Locator command() {
        return Roles.field(page, "Command");
    }

    void command(String label) {
        assertThat(command().locator("option", new Locator.LocatorOptions().setHasText(label))).hasCount(1);
        command().selectOption(new SelectOption().setLabel(label));
    }

    /** An input of the form generated from the request's schema, by its label ("Delay (integer)"). */
    Locator requestField(String label) {
        return Roles.field(page, label);
    }

    Locator waitForOfflineDevices() {
        return Roles.field(page, "Wait for offline devices (seconds, 0 to 300)");
    }

    void waitForOfflineDevices(int seconds) {
        waitForOfflineDevices().fill(String.valueOf(seconds));
    }

    /** On a schedule: {@code start} as a datetime-local value ("2030-01-02T03:04"), repeating, ending after {@code occurrences}. */
    void schedule(String start, String repeat, int occurrences) {
        page.getByRole(com.microsoft.playwright.options.AriaRole.RADIO,
                new Page.GetByRoleOptions().setName("On a schedule")).check();
        Roles.field(page, "Start").fill(start);
        Roles.field(page, "Repeat").selectOption(new SelectOption().setLabel(repeat));
        Roles.field(page, "Occurrences (0: no end)").fill(String.valueOf(occurrences));
    }

    JobPage run(String name) {
        Roles.button(page, "Run job").click();
        assertThat(Roles.heading(page, name)).isVisible();
        return new JobPage(page);
    }

    JobsPage scheduleJob() {
        Roles.button(page, "Schedule job").click();
        assertThat(Roles.heading(page, "Jobs")).isVisible();
        return new JobsPage(page);
    }
}
