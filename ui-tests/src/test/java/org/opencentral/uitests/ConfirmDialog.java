package org.opencentral.uitests;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** A modal dialog asking to confirm an action ("Delete") or cancel; a refusal shows in its alert. */
record ConfirmDialog(Locator dialog) {
    static ConfirmDialog of(Page page) {
        return new ConfirmDialog(page.getByRole(AriaRole.DIALOG));
    }

    void confirm(String action) {
        Roles.button(dialog, action).click();
    }

    void cancel() {
        Roles.button(dialog, "Cancel").click();
    }

    Locator error() {
        return dialog.getByRole(AriaRole.ALERT);
    }
}
