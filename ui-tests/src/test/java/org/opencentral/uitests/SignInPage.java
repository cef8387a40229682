package org.opencentral.uitests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The sign-in page. */
record SignInPage(Page page) {
    static final String ADMIN_EMAIL = "admin@example.com";
    static final String ADMIN_PASSWORD = "a-long-test-password";

    /** The sign-in page as it is shown now (its heading visible). */
    static SignInPage shown(Page page) {
        assertThat(heading(page)).isVisible();
        return new SignInPage(page);
    }

    static SignInPage open(Page page) {
        page.navigate("/signin");
        return shown(page);
    }

    static Locator heading(Page page) {
        return Roles.heading(page, "Sign in");
    }

    /** Submits the form; the caller checks where it led (use {@link #asAdministrator} for the usual case). */
    SignInPage submit(String email, String password) {
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(password);
        Roles.button(page, "Sign in").click();
        return this;
    }

    /** Signs in as the test platform's administrator (landing on the dashboards) and opens the device list. */
    DeviceListPage asAdministrator() {
        submit(ADMIN_EMAIL, ADMIN_PASSWORD);
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/dashboards(/[^/]+)?$"));
        Roles.link(page, "Devices").click(); // in the same document: what the page loaded stays readable
        return DeviceListPage.shown(page);
    }

    Locator error() {
        return Roles.alert(page);
    }
}
