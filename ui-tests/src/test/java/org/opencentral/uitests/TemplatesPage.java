package org.opencentral.uitests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The list of device templates and importing a DTDL model as a new template. */
record TemplatesPage(Page page) {

    static TemplatesPage shown(Page page) {
        assertThat(Roles.heading(page, "Device templates")).isVisible();
        return new TemplatesPage(page);
    }

    /** The row of the template {@code id}. */
    Locator row(String id) {
        return Roles.row(page, id);
    }

    /** Opens the import form, pastes {@code model} and publishes it; a refusal shows in {@link #error()}. */
    TemplatesPage importModel(String model) {
        Roles.button(page, "+ Import template").click();
        return retryImport(model);
    }

    /** With the import form still open (after a refusal), publishes {@code model} instead. */
    TemplatesPage retryImport(String model) {
        page.getByLabel("Model JSON").fill(model);
        Roles.button(page, "Publish").click();
        return this;
    }

    void cancelImport() {
        Roles.button(page, "Cancel").click();
    }

    /** The first DTDL problem listed for the model (its pointer and line). */
    Locator firstProblem() {
        return page.getByTestId("model-problem").first();
    }

    /** The highlighted line of the model's source. */
    Locator badLine() {
        return page.locator(".source-view .bad-line");
    }

    Locator error() {
        return Roles.alert(page);
    }
}
