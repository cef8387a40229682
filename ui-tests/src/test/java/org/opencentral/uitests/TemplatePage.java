package org.opencentral.uitests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** One device template: its capabilities by component, its cloud properties, new versions, deletion. */
record TemplatePage(Page page) {

    static TemplatePage shown(Page page, String name) {
        assertThat(Roles.heading(page, name)).isVisible();
        return new TemplatePage(page);
    }

    static TemplatePage open(Page page, String id) {
        page.navigate("/templates/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
        return new TemplatePage(page);
    }

    /** The capabilities table of a component ("Default component", "Thermostat One"). */
    Locator capabilities(String component) {
        return Roles.table(page, "Capabilities of " + component);
    }

    /** The row of the capability {@code name} in a component's table. */
    Locator capability(String component, String name) {
        return Roles.row(capabilities(component), name);
    }

    Locator cloudProperties() {
        return Roles.table(page, "Cloud properties");
    }

    TemplatePage addCloudProperty(String name, String displayName) {
        page.getByLabel("Property name").fill(name);
        Roles.field(page, "Display name").fill(displayName);
        Roles.button(page, "Add cloud property").click();
        return this;
    }

    /** Opens the model of the next version for editing, prefilled. */
    Locator publishNewVersion() {
        Roles.button(page, "Publish a new version").click();
        return page.getByLabel("Model JSON");
    }

    void publish() {
        Roles.button(page, "Publish").click();
    }

    /** Asks to delete the template; the confirmation dialog is open. */
    ConfirmDialog delete() {
        Roles.button(page, "Delete template").click();
        return ConfirmDialog.of(page);
    }

    TemplatesPage backToTemplates() {
        Roles.link(page, "← Device templates").click();
        return new TemplatesPage(page);
    }
}
