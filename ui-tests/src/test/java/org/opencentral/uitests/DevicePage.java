package org.opencentral.uitests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * A device's page: the header (name, status) and the overview, with its tabs ({@link TelemetryTab},
 * {@link RawDataTab}, {@link FilesTab}, {@link PropertiesTab}, {@link CommandsTab}) reached by their links.
 */
record DevicePage(Page page) {

    /** The page of the device named {@code name}, as shown now. */
    static DevicePage shown(Page page, String name) {
        assertThat(Roles.heading(page, name)).isVisible();
        return new DevicePage(page);
    }

    /** Navigates to the device's overview. */
    static DevicePage open(Page page, String id) {
        page.navigate("/devices/" + id);
        return new DevicePage(page);
    }

    /** The connection status in the page's header. */
    Locator status() {
        return page.getByTestId("device-status");
    }

    Locator overviewStatus() {
        return page.getByTestId("overview-status");
    }

    /** The "Live" badge: the page follows the device's events. */
    Locator liveBadge() {
        return page.getByText("Live", new Page.GetByTextOptions().setExact(true));
    }

    TelemetryTab telemetry() {
        Roles.link(page, "Telemetry").click();
        return new TelemetryTab(page);
    }

    RawDataTab rawData() {
        Roles.link(page, "Raw data").click();
        return new RawDataTab(page);
    }

    FilesTab files() {
        Roles.link(page, "Files").click();
        return new FilesTab(page);
    }

    PropertiesTab properties() {
        Roles.link(page, "Properties").click();
        return new PropertiesTab(page);
    }

    CommandsTab commands() {
        Roles.link(page, "Commands").click();
        return new CommandsTab(page);
    }

    DevicePage overview() {
        Roles.link(page, "Overview").click();
        return this;
    }

    /** The link to the device's template, named by the template's display name (its id as title). */
    Locator templateLink(String name) {
        return Roles.link(page, name);
    }

    Locator templateId() {
        return page.getByTestId("template-id");
    }

    DevicePage assignTemplate(String templateId) {
        Roles.button(page, "Assign template").click();
        page.getByLabel("Device template").selectOption(templateId);
        Roles.button(page, "Assign").click();
        return this;
    }

    TemplatePage openTemplate(String name) {
        templateLink(name).click();
        return TemplatePage.shown(page, name);
    }

    /** Asks to delete the device; the confirmation dialog is open. */
    ConfirmDialog delete() {
        Roles.button(page, "Delete device").click();
        return ConfirmDialog.of(page);
    }

    Locator groups() {
        return page.getByTestId("device-groups");
    }

    Locator inNoGroup() {
        return page.getByText("This device is in no device group.");
    }

    Locator simulationInterval() {
        return page.getByTestId("simulation-interval");
    }

    /** Changes the simulated send interval to {@code seconds}; a refusal shows in {@link #error()}. */
    DevicePage changeSimulationInterval(String seconds) {
        Roles.button(page, "Change").click();
        return retrySimulationInterval(seconds);
    }

    /** With the interval form still open (after a refusal), tries {@code seconds} instead. */
    DevicePage retrySimulationInterval(String seconds) {
        page.getByLabel("Seconds between messages").fill(seconds);
        Roles.button(page, "Save").click();
        return this;
    }

    DevicePage useDefaultSimulationInterval() {
        Roles.button(page, "Change").click();
        Roles.button(page, "Use default").click();
        return this;
    }

    Locator error() {
        return Roles.alert(page);
    }
}
