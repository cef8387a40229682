package org.opencentral.uitests;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** A device's telemetry tab: live charts, the series the server lists, and history windows. */
record TelemetryTab(Page page) {

    static TelemetryTab open(Page page, String deviceId) {
        page.navigate("/devices/" + deviceId + "/telemetry");
        return new TelemetryTab(page);
    }

    Locator noTelemetry() {
        return page.getByTestId("no-telemetry");
    }

    /** The live chart of {@code capability} ("temperature", "thermostat1/temperature"). */
    Locator liveChart(String capability) {
        return page.locator("figure[data-mode=live][data-capability='" + capability + "']");
    }

    /** The history chart of {@code capability}. */
    Locator historyChart(String capability) {
        return page.locator("figure[data-mode=history][data-capability='" + capability + "']");
    }

    /** The row of {@code series} in the table of the device's series. */
    Locator series(String series) {
        return Roles.table(page, "Telemetry series").locator("tr[data-series='" + series + "']");
    }

    /** The note shown when the device has more series than the server lists. */
    Locator truncationNote() {
        return page.getByRole(AriaRole.NOTE).filter(new Locator.FilterOptions().setHasText("more series"));
    }

    /** Shows the history of a preset window ("30 minutes", "7 days", …). */
    TelemetryTab showLast(String window) {
        Roles.button(page, window).click();
        return this;
    }

    /** Shows the history of a custom window (datetime-local values); a refusal shows in {@link #error()}. */
    TelemetryTab showCustom(String from, String to) {
        Roles.button(page, "Custom…").click();
        Roles.field(page, "From").fill(from);
        Roles.field(page, "To").fill(to);
        Roles.button(page, "Show").click();
        return this;
    }

    TelemetryTab showLive() {
        Roles.button(page, "Live").click();
        return this;
    }

    /** In a history window, names the capability of a new chart (click {@link #addChart()} to add it). */
    TelemetryTab chooseCapability(String capability) {
        Roles.field(page, "Capability").fill(capability);
        return this;
    }

    void addChart() {
        Roles.button(page, "Add chart").click();
    }

    void refresh() {
        Roles.button(page, "Refresh").click();
    }

    Locator error() {
        return Roles.alert(page);
    }
}
