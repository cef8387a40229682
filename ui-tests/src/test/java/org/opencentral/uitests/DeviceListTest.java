package org.opencentral.uitests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
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
        publishTemplate(PUMP, "Pump", FLOW);
        publishTemplate(VALVE, "Valve", FLOW);
        device(rest, "pump-a", "Pump Alpha", PUMP, true);
        device(rest, "pump-b", "pump bravo", PUMP, false);
        device(rest, "pump-c", "PUMP Charlie", PUMP, true);
        device(rest, "valve-a", "Valve Alpha", VALVE, true);
        device(rest, "sensor-z", "Zeta sensor", null, true);
    }

    @Test
    void searchSortAndFilterRunOnTheServerAndSurviveAReload() {
        try (BrowserWindow window = session.signedIn(platform.http())) {
            DeviceListPage devices = new DeviceListPage(window.page());
            assertThat(devices.deviceLinks()).hasText(new String[] {"Pump Alpha", "pump bravo", "PUMP Charlie",
                "Zeta sensor", "Valve Alpha"});

            devices.search("pump");
            assertThat(devices.deviceLinks()).hasText(new String[] {"Pump Alpha", "pump bravo", "PUMP Charlie"});
            assertThat(window.page()).hasURL(Pattern.compile(".*#q=pump$"));

            Locator nameHeader = devices.columnHeader("Device name");
            assertThat(nameHeader).hasAttribute("aria-sort", "none");
            devices.sortBy("Device name");
            assertThat(nameHeader).hasAttribute("aria-sort", "ascending");
            devices.sortBy("Device name");
            assertThat(nameHeader).hasAttribute("aria-sort", "descending");
            assertThat(devices.deviceLinks()).hasText(new String[] {"PUMP Charlie", "pump bravo", "Pump Alpha"});

            devices.filterStatus("registered");
            assertThat(devices.deviceLinks()).hasText(new String[] {"PUMP Charlie", "Pump Alpha"});
            window.shot("30-device-list-search-sort-status");

            window.page().reload();
            assertThat(devices.search()).hasValue("pump");
            assertThat(devices.columnHeader("Device name")).hasAttribute("aria-sort", "descending");
            assertThat(devices.deviceLinks()).hasText(new String[] {"PUMP Charlie", "Pump Alpha"});

            devices.clearFilters().filterTemplate(VALVE);
            assertThat(devices.deviceLinks()).hasText(new String[] {"Valve Alpha"});
            devices.filterTemplate("(none)");
            assertThat(devices.deviceLinks()).hasText(new String[] {"Zeta sensor"});
            devices.search("pump");
            assertThat(devices.noMatches()).isVisible();
            window.shot("31-device-list-no-match");
        }
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
}
