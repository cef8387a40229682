package org.opencentral.uitests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The device list: its virtual grid, search, sorting and filters, and creating a device. */
record DeviceListPage(Page page) {

    /** The device list as it is shown now (its heading visible). */
    static DeviceListPage shown(Page page) {
        assertThat(Roles.heading(page, "Devices")).isVisible();
        return new DeviceListPage(page);
    }

    static DeviceListPage open(Page page) {
        page.navigate("/devices");
        return shown(page);
    }

    Locator grid() {
        return page.getByRole(AriaRole.GRID, new Page.GetByRoleOptions().setName("Devices"));
    }

    /** The device name links, in the order listed. */
    Locator deviceLinks() {
        return grid().locator(".vbody a");
    }

    Locator deviceLink(String name) {
        return Roles.link(page, name);
    }

    /** The row of the device {@code id}. */
    Locator row(String id) {
        return Roles.row(grid(), id);
    }

    Locator status(String id) {
        return row(id).getByTestId("device-status");
    }

    /** The "… loaded" count of the toolbar. */
    Locator loaded() {
        return page.locator(".toolbar .muted").first();
    }

    /** Scrolls the grid to its last row. */
    void scrollToEnd() {
        page.locator(".vbody").evaluate("el => el.scrollTop = el.scrollHeight");
    }

    Locator search() {
        return Roles.field(page, "Search");
    }

    DeviceListPage search(String text) {
        search().fill(text);
        return this;
    }

    Locator columnHeader(String name) {
        return page.getByRole(AriaRole.COLUMNHEADER, new Page.GetByRoleOptions().setName(name));
    }

    /** Clicks the sort button of the column {@code name} (none, ascending, descending, in turn). */
    DeviceListPage sortBy(String name) {
        columnHeader(name).getByRole(AriaRole.BUTTON).click();
        return this;
    }

    DeviceListPage filterStatus(String status) {
        Roles.field(page, "Status").selectOption(status);
        return this;
    }

    DeviceListPage filterTemplate(String template) {
        Roles.field(page, "Template").selectOption(template);
        return this;
    }

    DeviceListPage clearFilters() {
        Roles.button(page, "Clear filters").click();
        return this;
    }

    Locator noMatches() {
        return Roles.heading(page, "No matching devices");
    }

    Locator noDevices() {
        return page.getByText("No devices yet");
    }

    /** Opens the "+ New device" form, fills it and creates the device; its connection details are shown. */
    CreatedDevice create(String id, String name) {
        Roles.button(page, "+ New device").click();
        page.getByLabel("Device ID").fill(id);
        page.getByLabel("Device name").fill(name);
        Roles.button(page, "Create").click();
        assertThat(Roles.heading(page, "Device created")).isVisible();
        return new CreatedDevice(page);
    }

    DevicePage openDevice(String name) {
        deviceLink(name).click();
        return DevicePage.shown(page, name);
    }

    /** The connection details shown once a device is created. */
    record CreatedDevice(Page page) {
        String primaryKey() {
            return Roles.field(page, "Primary key").inputValue();
        }

        Locator connectionString() {
            Roles.button(page, "Show Connection string").click();
            return Roles.field(page, "Connection string");
        }

        Locator idScope() {
            return Roles.field(page, "ID scope");
        }

        DeviceListPage done() {
            Roles.button(page, "Done").click();
            return new DeviceListPage(page);
        }
    }
}
