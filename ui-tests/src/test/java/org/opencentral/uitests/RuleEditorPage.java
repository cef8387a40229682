package org.opencentral.uitests;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

/** The rule editor (new or edit). Each condition and action is a fieldset ("Condition 1", "Action 1") with its own fields. */
record RuleEditorPage(Page page) {
    void name(String name) {
        Roles.field(page, "Name").fill(name);
    }

    void template(String label) {
        Roles.field(page, "Device template").selectOption(new SelectOption().setLabel(label));
    }

    void filter(String filter) {
        Roles.field(page, "Device filter (optional)").fill(filter);
    }

    /** The server's refusal of the scope's device filter, shown under it. */
    Locator filterProblem() {
        return group("Scope").getByRole(AriaRole.ALERT);
    }

    /** The field {@code label} of condition {@code number}. */
    Locator conditionField(int number, String label) {
        return field(group("Condition " + number), label);
    }

    void chooseInCondition(int number, String label, String option) {
        conditionField(number, label).selectOption(new SelectOption().setLabel(option));
    }

    /** The options the select {@code label} of condition {@code number} offers. */
    Locator conditionOptions(int number, String label) {
        return conditionField(number, label).locator("option");
    }

    Locator conditionProblem(int number) {
        return group("Condition " + number).getByRole(AriaRole.ALERT);
    }

    Locator actionField(int number, String label) {
        return field(group("Action " + number), label);
    }

    void chooseInAction(int number, String label, String option) {
        actionField(number, label).selectOption(new SelectOption().setLabel(option));
    }

    Locator actionProblem(int number) {
        return group("Action " + number).getByRole(AriaRole.ALERT);
    }

    void addAction() {
        Roles.button(page, "+ Add action").click();
    }

    /** Saves and lands on the rule's page, headed {@code name}. */
    RulePage save(String name) {
        Roles.button(page, "Save rule").click();
        return RulePage.shown(page, name);
    }

    /** Saves a rule the server refuses: the editor stays, with the refusal next to what it names. */
    void saveRefused() {
        Roles.button(page, "Save rule").click();
    }

    /** Chooses the device a "Send test" of device action {@code number} acts on. */
    void testDevice(int number, String label) {
        actionField(number, "Test on device").selectOption(new SelectOption().setLabel(label));
    }

    void sendTest(int number) {
        Roles.button(page, "Send test of action " + number).click();
    }

    /** What the last "Send test" of action {@code number} answered. */
    Locator testResult(int number) {
        return page.getByTestId("action-test-" + (number - 1));
    }

    private Locator group(String name) {
        return page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator field(Locator scope, String label) {
        return scope.getByLabel(label, new Locator.GetByLabelOptions().setExact(true));
    }
}
