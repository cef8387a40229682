package org.opencentral.uitests;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** What every signed-in page has: the navigation, the signed-in user, the theme switch and signing out. */
record AppShell(Page page) {

    /** Follows the navigation link {@code name} ("Devices", "Device templates", "Users", "API tokens", …). */
    AppShell go(String name) {
        Roles.link(page, name).click();
        return this;
    }

    DeviceListPage devices() {
        go("Devices");
        return DeviceListPage.shown(page);
    }

    TemplatesPage templates() {
        go("Device templates");
        return TemplatesPage.shown(page);
    }

    /** The navigation link {@code name}, absent for a role that may not view its page. */
    Locator navigationLink(String name) {
        return page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    Locator heading(String name) {
        return Roles.heading(page, name);
    }

    Locator currentUser() {
        return page.getByTestId("current-user");
    }

    void switchToDarkTheme() {
        Roles.button(page, "Switch to dark theme").click();
    }

    SignInPage signOut() {
        Roles.button(page, "Sign out").click();
        return SignInPage.shown(page);
    }
}
