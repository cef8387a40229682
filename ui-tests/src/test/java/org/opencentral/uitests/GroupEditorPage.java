package org.opencentral.uitests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The device group editor, as an operator uses it; {@code refusedPreviews} are the previews
 * answered 400.
 */
record GroupEditorPage(Page page, List<String> refusedPreviews) {

    /** Opens the device groups and starts a new group. */
    static GroupEditorPage create(Page page) {
        List<String> refused = new CopyOnWriteArrayList<>();
        page.onResponse(response -> {
            if (response.url().contains("/api/deviceGroupPreview") && response.status() == 400) {
                refused.add(response.url());
            }
        });
        page.navigate("/groups");
        Roles.link(page, "+ New group").click();
        assertThat(Roles.heading(page, "New device group")).isVisible();
        return new GroupEditorPage(page, refused);
    }

    void identify(String id, String name) {
        page.getByLabel("Group ID").fill(id);
        Roles.field(page, "Name").fill(name);
    }

    void addCondition() {
        Roles.button(page, "+ Add condition").click();
    }

    void condition(int n, String field, String operator, String value) {
        Roles.field(page, "Field " + n).selectOption(field);
        Roles.field(page, "Operator " + n).selectOption(operator);
        Locator input = Roles.field(page, "Value " + n);
        if ("select".equals(input.evaluate("e => e.tagName.toLowerCase()"))) {
            input.selectOption(value);
        } else {
            input.fill(value);
        }
    }

    void assertMatches(String text) {
        assertThat(page.getByTestId("match-count")).hasText(text);
    }

    Locator matchingDevices() {
        return Roles.table(page, "Matching devices");
    }

    Locator filterText() {
        return page.getByLabel("Filter (device query)");
    }

    Locator filterError() {
        return page.getByTestId("filter-error");
    }

    /** Saves the group; the list of device groups is shown. */
    Locator save() {
        Roles.button(page, "Save group").click();
        return Roles.table(page, "Device groups");
    }
}
