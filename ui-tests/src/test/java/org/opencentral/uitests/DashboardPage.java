package org.opencentral.uitests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.SelectOption;

/** The dashboards page (the application's home): switching, creating, editing tiles, the tiles' views. */
record DashboardPage(Page page) {
    static DashboardPage open(Page page) {
        page.navigate("/dashboards");
        return new DashboardPage(page);
    }

    /** Creates an empty dashboard through the dialog; the page then shows it. */
    DashboardPage create(String name) {
        Roles.button(page, "New dashboard").click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        dialog.getByLabel("Name").fill(name);
        Roles.button(dialog, "Create").click();
        assertThat(Roles.heading(page, name)).isVisible();
        return this;
    }

    DashboardPage edit() {
        Roles.button(page, "Edit").click();
        return this;
    }

    /** Adds a tile of the type labelled {@code type}; its side panel opens. */
    DashboardPage addTile(String type) {
        page.getByLabel("Add tile").selectOption(new SelectOption().setLabel(type));
        assertThat(panel()).isVisible();
        return this;
    }

    /** Configures the open panel's tile: title, group and capability (by value), aggregate when given. */
    DashboardPage configure(String title, String group, String capability, String aggregate) {
        Locator panel = panel();
        panel.getByLabel("Title").fill(title);
        panel.getByLabel("Device group").selectOption(new SelectOption().setLabel(group));
        panel.locator("label:has-text('Telemetry') select, label:has-text('Property') select").first()
                .selectOption(new SelectOption().setValue(capability));
        if (aggregate != null) {
            panel.getByLabel("Aggregate").selectOption(aggregate);
        }
        Roles.button(panel, "Done").click();
        return this;
    }

    /** Configures the open panel's markdown tile. */
    DashboardPage markdown(String title, String text) {
        Locator panel = panel();
        panel.getByLabel("Title").fill(title);
        panel.getByLabel("Markdown").fill(text);
        Roles.button(panel, "Done").click();
        return this;
    }

    /** Drags the tile's handle by whole grid cells (columns right, rows down). */
    DashboardPage move(String tile, int columns, int rows) {
        return drag(tile(tile).locator(".tile-move"), columns, rows);
    }

    /** Drags the tile's corner by whole grid cells. */
    DashboardPage resize(String tile, int columns, int rows) {
        return drag(tile(tile).locator(".tile-resize"), columns, rows);
    }

    private DashboardPage drag(Locator handle, int columns, int rows) {
        BoundingBox grid = page.locator(".dash-grid").boundingBox();
        double cell = (grid.width + 12) / 12;
        BoundingBox box = handle.boundingBox();
        double x = box.x + box.width / 2;
        double y = box.y + box.height / 2;
        page.mouse().move(x, y);
        page.mouse().down();
        page.mouse().move(x + columns * cell / 2, y + rows * 51, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(4));
        page.mouse().move(x + columns * cell, y + rows * 102, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(4));
        page.mouse().up();
        return this;
    }

    DashboardPage save() {
        Roles.button(page, "Save").click();
        assertThat(Roles.button(page, "Edit")).isVisible();
        return this;
    }

    Locator panel() {
        return page.getByRole(AriaRole.COMPLEMENTARY, new Page.GetByRoleOptions().setName("Configure tile"));
    }

    /** The tile titled {@code name}. */
    Locator tile(String name) {
        return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** A chart tile's chart; {@code data-drawn} is true once uPlot drew it. */
    Locator chart(String tile) {
        return tile(tile).locator(".tile-chart");
    }

    /** What a tile shows below its title (a markdown tile's rendered text). */
    Locator body(String tile) {
        return tile(tile).locator(".tile-body");
    }

    /** The headings a markdown tile rendered. */
    Locator renderedHeadings(String tile) {
        return body(tile).getByRole(AriaRole.HEADING);
    }

    /** Elements a markdown tile must never create from markup in its text. */
    Locator markupElements(String tile) {
        return body(tile).locator("script, img, iframe");
    }

    Locator links(String tile) {
        return body(tile).getByRole(AriaRole.LINK);
    }

    /** Every tile of the dashboard. */
    Locator tiles() {
        return page.locator(".dash-grid > .tile");
    }

    Locator kpiValue(String tile) {
        return tile(tile).getByTestId("kpi-value");
    }

    /** A map tile's map; {@code data-markers} counts its devices, {@code data-drawn} the basemap. */
    Locator map(String tile) {
        return tile(tile).locator("svg.map");
    }

    /** When the tiles' data was last loaded (changes at every refresh). */
    Locator status() {
        return page.locator(".dash-status");
    }
}
