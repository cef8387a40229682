package org.opencentral.uitests;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** A device's properties tab: each property's row (state, reported value) and sending new values. */
record PropertiesTab(Page page) {

    static PropertiesTab open(Page page, String deviceId) {
        page.navigate("/devices/" + deviceId + "/properties");
        return new PropertiesTab(page);
    }

    Locator row(String property) {
        return page.locator("tr[data-property=" + property + "]");
    }

    Locator state(String property) {
        return row(property).getByTestId("state");
    }

    Locator reported(String property) {
        return row(property).getByTestId("reported");
    }

    /** Sends a value through the property's own row (a property the template describes). */
    PropertiesTab set(String property, String value) {
        Locator row = row(property);
        row.getByLabel("New value of " + property).fill(value);
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send").setExact(true)).click();
        return this;
    }

    /** Sends a value by name through the free form (any property, modeled or not). */
    PropertiesTab send(String property, String value) {
        Roles.field(page, "Name").fill(property);
        page.getByLabel("Value (JSON or text)").fill(value);
        Roles.button(page, "Send to device").click();
        return this;
    }
}
