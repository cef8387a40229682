package org.opencentral.uitests;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;

/** The data explorer (/explorer): the query form, its chart and table, the CSV download and the pin form. */
record ExplorerPage(Page page) {
    static ExplorerPage open(Page page) {
        page.navigate("/explorer");
        return new ExplorerPage(page);
    }

    /** Chooses the query's fields by their labels' options (values) and runs it. */
    ExplorerPage query(String group, String telemetry, String aggregate, String range, String interval, String split) {
        page.getByLabel("Device group").selectOption(group);
        page.getByLabel("Telemetry").selectOption(telemetry);
        page.getByLabel("Aggregation").selectOption(aggregate);
        page.getByLabel("Time range").selectOption(range);
        page.getByLabel("Interval").selectOption(interval);
        page.getByLabel("Split by").selectOption(split);
        Roles.button(page, "Run query").click();
        return this;
    }

    Locator chart() {
        return page.locator(".explorer-results .tile-chart");
    }

    Locator table() {
        return page.locator("table.explorer-table");
    }

    /** The CSV the download button saves, as text. */
    String downloadCsv() throws IOException {
        Download download = page.waitForDownload(() -> Roles.button(page, "Download CSV").click());
        return Files.readString(download.path());
    }

    /** Saves the query as {@code name} on the dashboard titled {@code dashboard}. */
    void pin(String name, String dashboard) {
        page.getByLabel("Query name").fill(name);
        // the pin form's only select: its label's text also holds the options, so no exact label match
        page.locator(".explorer-pin select").selectOption(
                new com.microsoft.playwright.options.SelectOption().setLabel(dashboard));
        Roles.button(page, "Save and pin to dashboard").click();
    }
}
