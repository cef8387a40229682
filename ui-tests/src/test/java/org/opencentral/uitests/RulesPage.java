package org.opencentral.uitests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The rules list: each rule's state and enabled switch, delete, and the way to a new rule. */
record RulesPage(Page page) {
    static RulesPage open(Page page) {
        new AppShell(page).go("Rules");
        return shown(page);
    }

    static RulesPage shown(Page page) {
        assertThat(Roles.heading(page, "Rules")).isVisible();
        return new RulesPage(page);
    }

    Locator table() {
        return Roles.table(page, "Rules");
    }

    Locator row(String name) {
        return Roles.row(table(), name);
    }

    /** "ok" or "N devices firing". */
    Locator state(String name) {
        return row(name).getByTestId("rule-state");
    }

    Locator enabled(String name) {
        return page.getByRole(AriaRole.SWITCH, new Page.GetByRoleOptions().setName("Enabled: " + name).setExact(true));
    }

    void toggle(String name) {
        enabled(name).click();
    }

    void delete(String name) {
        Roles.button(page, "Delete " + name).click();
        ConfirmDialog.of(page).confirm("Delete");
    }

    RulePage open(String name) {
        Roles.link(page, name).click();
        return RulePage.shown(page, name);
    }

    RuleEditorPage newRule() {
        Roles.link(page, "+ New rule").click();
        assertThat(Roles.heading(page, "New rule")).isVisible();
        return new RuleEditorPage(page);
    }
}
