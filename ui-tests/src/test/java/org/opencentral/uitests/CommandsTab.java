package org.opencentral.uitests;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;

/** A device's commands tab: a free-form call, or a form built from the template's request schema. */
record CommandsTab(Page page) {

    static CommandsTab open(Page page, String deviceId) {
        page.navigate("/devices/" + deviceId + "/commands");
        return new CommandsTab(page);
    }

    /** Fills the free-form call (a device without a template); {@link #run()} sends it. */
    CommandsTab call(String command, String payload) {
        page.getByLabel("Command name").fill(command);
        page.getByLabel("Request payload (JSON, optional)").fill(payload);
        return this;
    }

    /** Chooses one of the template's commands by its display label. */
    CommandsTab choose(String label) {
        Roles.field(page, "Command").selectOption(new SelectOption().setLabel(label));
        return this;
    }

    /** The request form's field labelled {@code label} ("Delay (integer)"). */
    Locator field(String label) {
        return page.getByLabel(label);
    }

    void run() {
        Roles.button(page, "Run").click();
    }

    Locator response() {
        return page.getByTestId("command-response");
    }

    Locator error() {
        return Roles.alert(page);
    }
}
