package org.opencentral.uitests;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * The role and label locators the page objects are built from, matched on the exact accessible name
 * (tables by a part of theirs, as their names carry the component or device). Only page objects use
 * these; tests talk to page objects.
 */
final class Roles {
    private Roles() {
    }

    static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    static Locator button(Locator scope, String name) {
        return scope.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    static Locator link(Page page, String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    static Locator heading(Page page, String name) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    static Locator table(Page page, String name) {
        return page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName(name));
    }

    static Locator alert(Page page) {
        return page.getByRole(AriaRole.ALERT);
    }

    /** The form control labelled exactly {@code label}. */
    static Locator field(Page page, String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    /** The first row of {@code scope} with {@code text} in it. */
    static Locator row(Locator scope, String text) {
        return scope.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(text));
    }

    static Locator row(Page page, String text) {
        return page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(text));
    }
}
