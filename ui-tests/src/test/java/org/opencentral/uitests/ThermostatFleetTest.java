package org.opencentral.uitests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.testkit.RestClient;

/**
 * Three simulated thermostats, as an operator sees them: one status word per device, the same in
 * the list and on its page (a simulated device is Connected, a disabled one Blocked); the
 * template's display name rather than its id; a live chart over the last five minutes, filled from
 * the history when the tab opens, that says "1 point"; property values that never wrap.
 */
@Timeout(180)
class ThermostatFleetTest extends BrowserTest {
    private static final String THERMOSTAT = "dtmi:com:example:Thermostat;1";
    /** Sends once when its simulation starts, then not for a day: exactly one point per series. */
    private static final String ONCE = "thermostat-once";

    private static RestClient rest;

    @BeforeAll
    static void start() {
        rest = platform.rest();
        publishTemplate(THERMOSTAT, "com/example/thermostat-1.json");
        rest.put("/devices/" + ONCE, Map.of("displayName", "Thermostat once", "template", THERMOSTAT,
                "simulated", true, "simulationInterval", "PT24H")).ok();
        rest.put("/devices/thermostat-2", Map.of("displayName", "Thermostat two", "template", THERMOSTAT,
                "simulated", true, "simulationInterval", "PT2S")).ok();
        rest.put("/devices/thermostat-3", Map.of("displayName", "Thermostat three", "template", THERMOSTAT,
                "simulated", true, "enabled", false)).ok();
        await().atMost(Duration.ofSeconds(30)).until(() -> rest.get("/devices/" + ONCE + "/telemetry/temperature/history")
                .ok().path("points").size() == 1);
    }

    @Test
    void theListAndTheDevicePageSayTheSameStatusAndShowTheTemplatesName() {
        try (BrowserWindow window = session.signedIn(platform.http())) {
            DeviceListPage devices = new DeviceListPage(window.page());
            Map<String, String> expected = new java.util.LinkedHashMap<>();
            expected.put(ONCE, "Connected");
            expected.put("thermostat-2", "Connected");
            expected.put("thermostat-3", "Blocked");
            for (var device : expected.entrySet()) {
                assertThat(devices.status(device.getKey())).hasText(device.getValue());
                Locator template = devices.row(device.getKey())
                        .getByText("Thermostat", new Locator.GetByTextOptions().setExact(true));
                assertThat(template).hasAttribute("title", THERMOSTAT);
            }
            assertThat(devices.grid().locator(".vbody")).not().containsText(THERMOSTAT);
            window.shot("50-thermostats-list");

            devices.filterStatus("connected");
            assertThat(devices.deviceLinks()).hasText(new String[] {"Thermostat two", "Thermostat once"});
            devices.filterStatus("blocked");
            assertThat(devices.deviceLinks()).hasText(new String[] {"Thermostat three"});

            for (var device : expected.entrySet()) {
                DevicePage devicePage = DevicePage.open(window.page(), device.getKey());
                assertThat(devicePage.status()).hasText(device.getValue());
                assertThat(devicePage.overviewStatus()).hasText(device.getValue());
                assertThat(devicePage.templateLink("Thermostat")).hasAttribute("title", THERMOSTAT);
                assertThat(devicePage.templateId()).hasText(THERMOSTAT);
            }
            window.shot("51-thermostat-page-blocked");
        }
    }

    @Test
    void theLiveChartShowsTheLastFiveMinutesFilledFromHistory() {
        try (BrowserWindow window = session.signedIn(platform.http())) {
            Locator chart = TelemetryTab.open(window.page(), ONCE).liveChart("temperature");
            assertThat(chart.getByTestId("live-summary")).hasText("· 1 point");
            Locator plot = chart.locator(".chart");
            assertThat(plot).hasAttribute("data-x-range", java.util.regex.Pattern.compile("\\d+(\\.\\d+)? \\d+(\\.\\d+)?"));
            double[] first = range(plot);
            double now = System.currentTimeMillis() / 1000.0;
            assertThat(first[1] - first[0]).isCloseTo(300, within(0.01));
            assertThat(first[1]).isCloseTo(now, within(5.0));
            window.shot("52-live-chart-one-point");
            // The window moves with time
            await().atMost(Duration.ofSeconds(10)).until(() -> range(plot)[1] >= first[1] + 2);
            assertThat(chart.getByTestId("live-summary")).hasText("· 1 point");
        }
    }

    @Test
    void propertyNumbersNeverWrapInANarrowWindow() {
        try (BrowserWindow window = session.signedIn(platform.http())) {
            window.page().setViewportSize(820, 1180);
            PropertiesTab properties = PropertiesTab.open(window.page(), ONCE);
            properties.set("targetTemperature", "20.125");
            assertThat(properties.state("targetTemperature")).containsText("Accepted", new com.microsoft.playwright
                    .assertions.LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
            assertThat(properties.reported("targetTemperature")).hasText("20.125");
            Locator maxTemp = properties.reported("maxTempSinceLastReboot");
            assertThat(maxTemp).hasText(java.util.regex.Pattern.compile("^-?\\d+(\\.\\d+)?$"));
            for (Locator cell : new Locator[] {properties.reported("targetTemperature"), maxTemp}) {
                assertThat(cell.evaluate("el => { const r = document.createRange(); r.selectNodeContents(el); "
                        + "return r.getClientRects().length; }")).as(cell.textContent()).isEqualTo(1);
            }
            window.shot("53-properties-narrow");
        }
    }

    private static double[] range(Locator plot) {
        String[] parts = plot.getAttribute("data-x-range").split(" ");
        return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])};
    }
}
