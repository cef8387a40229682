package org.opencentral.uitests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The editor of a new data export, as an administrator fills it in. */
record ExportEditorPage(Page page) {

    /** Starts a new export from the list of exports. */
    static ExportEditorPage create(ExportsPage exports) {
        Roles.link(exports.page(), "+ New export").click();
        assertThat(Roles.heading(exports.page(), "New export")).isVisible();
        return new ExportEditorPage(exports.page());
    }

    void identify(String id, String name, String source) {
        Roles.field(page, "Export ID").fill(id);
        Roles.field(page, "Name").fill(name);
        Roles.field(page, "Source").selectOption(source);
    }

    /** A filter condition of the builder (the device group builder's, reused). */
    void condition(int n, String field, String operator, String value) {
        Roles.button(page, "+ Add condition").click();
        Roles.field(page, "Field " + n).selectOption(field);
        Roles.field(page, "Operator " + n).selectOption(operator);
        Roles.field(page, "Value " + n).selectOption(value);
    }

    void sendTo(int n, String destination, String transform) {
        Roles.button(page, "+ Add destination").click();
        Roles.field(page, "Destination " + n).selectOption(destination);
        page.getByLabel("Transform " + n + " (jq, optional)").fill(transform);
    }

    /** Tries destination {@code n}'s transform on a sample of the source; the outputs are returned. */
    Locator tryTransform(int n) {
        Roles.button(page, "Try transform " + n).click();
        Roles.button(page, "Run transform " + n).click();
        return page.getByTestId("transform-outputs");
    }

    Locator filterText() {
        return page.getByLabel("Filter (export query, optional)");
    }

    /** Saves the export; the list of exports is shown. */
    ExportsPage save() {
        Roles.button(page, "Save export").click();
        assertThat(Roles.table(page, "Exports")).isVisible();
        return new ExportsPage(page);
    }
}
