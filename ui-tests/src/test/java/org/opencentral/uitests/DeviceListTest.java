package org.opencentral.uitests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.testkit.RestClient;

/**
 * The device list's server-side search, sorting and filters in a real browser against a real node:
 * devices made over REST, then searched, sorted by a column header (with {@code aria-sort}),
 * filtered by template and status, and the view kept across a reload through the URL.
 */
@Timeout(180)
class DeviceListTest extends BrowserTest {
    private static final String PUMP = "dtmi:com:example:ui:Pump;1";
    private static final String VALVE = "dtmi:com:example:ui:Valve;1";


    @BeforeAll
    static void start() {
        RestClient rest = platform.rest();
        rest.put("/deviceTemplates/" + PUMP.replace(";", "%3B"), template(PUMP, "Pump")).ok();
        rest.put("/deviceTemplates/" + VALVE.replace(";", "%3B"), template(VALVE, "Valve")).ok();
        device(rest, "pump-a", "Pump Alpha", PUMP, true);
        device(rest, "pump-b", "pump bravo", PUMP, false);
        device(rest, "pump-c", "PUMP Charlie", PUMP, true);
        device(rest, "valve-a", "Valve Alpha", VALVE, true);
        device(rest, "sensor-z", "Zeta sensor", null, true);
    }

    @Test
    void searchSortAndFilterRunOnTheServerAndSurviveAReload() {
        try (BrowserWindow window = session.signedIn(platform.http())) {
            Page page = window.page();
            assertThat(deviceLinks(page)).hasText(new String[] {"Pump Alpha", "pump bravo", "PUMP Charlie",
                "Zeta sensor", "Valve Alpha"});

            page.getByLabel("Search", new Page.GetByLabelOptions().setExact(true)).fill("pump");
            assertThat(deviceLinks(page)).hasText(new String[] {"Pump Alpha", "pump bravo", "PUMP Charlie"});
            assertThat(page).hasURL(Pattern.compile(".*#q=pump$"));

            Locator nameHeader = page.getByRole(AriaRole.COLUMNHEADER, new Page.GetByRoleOptions().setName("Device name"));
            assertThat(nameHeader).hasAttribute("aria-sort", "none");
            nameHeader.getByRole(AriaRole.BUTTON).click();
            assertThat(nameHeader).hasAttribute("aria-sort", "ascending");
            nameHeader.getByRole(AriaRole.BUTTON).click();
            assertThat(nameHeader).hasAttribute("aria-sort", "descending");
            assertThat(deviceLinks(page)).hasText(new String[] {"PUMP Charlie", "pump bravo", "Pump Alpha"});

            page.getByLabel("Status", new Page.GetByLabelOptions().setExact(true)).selectOption("registered");
            assertThat(deviceLinks(page)).hasText(new String[] {"PUMP Charlie", "Pump Alpha"});
            DeviceJourneyTest.shot(page, "30-device-list-search-sort-status");

            page.reload();
            assertThat(page.getByLabel("Search", new Page.GetByLabelOptions().setExact(true))).hasValue("pump");
            assertThat(page.getByRole(AriaRole.COLUMNHEADER, new Page.GetByRoleOptions().setName("Device name")))
                    .hasAttribute("aria-sort", "descending");
            assertThat(deviceLinks(page)).hasText(new String[] {"PUMP Charlie", "Pump Alpha"});

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Clear filters").setExact(true)).click();
            page.getByLabel("Template", new Page.GetByLabelOptions().setExact(true)).selectOption(VALVE);
            assertThat(deviceLinks(page)).hasText(new String[] {"Valve Alpha"});
            page.getByLabel("Template", new Page.GetByLabelOptions().setExact(true)).selectOption("(none)");
            assertThat(deviceLinks(page)).hasText(new String[] {"Zeta sensor"});
            page.getByLabel("Search", new Page.GetByLabelOptions().setExact(true)).fill("pump");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("No matching devices")))
                    .isVisible();
            DeviceJourneyTest.shot(page, "31-device-list-no-match");
        }
    }

    private static Locator deviceLinks(Page page) {
        return page.getByRole(AriaRole.GRID, new Page.GetByRoleOptions().setName("Devices"))
                .locator(".vbody a");
    }

    private static void device(RestClient rest, String id, String name, String template, boolean enabled) {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("displayName", name);
        body.put("enabled", enabled);
        if (template != null) {
            body.put("template", template);
        }
        rest.put("/devices/" + id, body).ok();
    }

    private static String template(String id, String name) {
        return "{\"@type\":[\"ModelDefinition\",\"DeviceModel\"],\"displayName\":\"" + name + "\","
                + "\"capabilityModel\":{\"@id\":\"" + id.replace(";1", "Model;1") + "\",\"@type\":\"Interface\","
                + "\"contents\":[{\"@type\":\"Telemetry\",\"name\":\"flow\",\"schema\":\"double\"}]}}";
    }
}
