package org.opencentral.uitests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/** One rule: what it watches, its state, its history and the replay panel with its chart. */
record RulePage(Page page) {
    static RulePage shown(Page page, String name) {
        assertThat(Roles.heading(page, name)).isVisible();
        return new RulePage(page);
    }

    /** "ok" or "N devices firing". */
    Locator state() {
        return page.locator(".page-head").getByTestId("rule-state");
    }

    /** The rule's description (template, conditions, timing, actions). */
    Locator facts() {
        return page.locator("dl.facts");
    }

    Locator history() {
        return Roles.table(page, "Rule history");
    }

    /** The newest history row of this kind ("fired", "resolved", "actionSent"). */
    Locator historyRow(String kind) {
        return Roles.row(history(), kind).first();
    }

    RuleEditorPage edit() {
        Roles.link(page, "Edit").click();
        return new RuleEditorPage(page);
    }

    /** Runs a replay over the range the panel proposes (the last hour). */
    void replay() {
        Roles.button(page, "Run replay").click();
    }

    /** Runs a replay from the hour before until {@code to} (the browser's local time, to the minute). */
    void replayUntil(LocalDateTime to) {
        Roles.field(page, "To").fill(to.truncatedTo(ChronoUnit.MINUTES).toString());
        replay();
    }

    /** Charts the replay for {@code deviceId} (typed, then Enter, as a person picks from the list). */
    void replayDevice(String deviceId) {
        Locator device = Roles.field(page, "Device to chart");
        device.fill(deviceId);
        device.press("Enter");
    }

    Locator replaySummary() {
        return page.getByTestId("replay-summary");
    }

    Locator replayRow(String kind) {
        return Roles.row(Roles.table(page, "Replay results"), kind).first();
    }

    /** The replay's chart: {@code data-points}, {@code data-marks} ("fired@<seconds> …") and its label. */
    Locator replayChart() {
        return page.getByTestId("replay-chart").locator(".chart");
    }
}
