package org.opencentral.uitests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
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
            Page page = window.page();
            Map<String, String> expected = new java.util.LinkedHashMap<>();
            expected.put(ONCE, "Connected");
            expected.put("thermostat-2", "Connected");
            expected.put("thermostat-3", "Blocked");
            for (var device : expected.entrySet()) {
                Locator row = page.locator(".vbody .vrow").filter(new Locator.FilterOptions().setHasText(device.getKey()));
                assertThat(row.getByTestId("device-status")).hasText(device.getValue());
                Locator template = row.getByText("Thermostat", new Locator.GetByTextOptions().setExact(true));
                assertThat(template).hasAttribute("title", THERMOSTAT);
            }
            assertThat(page.locator(".vbody")).not().containsText(THERMOSTAT);
            DeviceJourneyTest.shot(page, "50-thermostats-list");

            page.getByLabel("Status", new Page.GetByLabelOptions().setExact(true)).selectOption("connected");
            assertThat(page.locator(".vbody a")).hasText(new String[] {"Thermostat two", "Thermostat once"});
            page.getByLabel("Status", new Page.GetByLabelOptions().setExact(true)).selectOption("blocked");
            assertThat(page.locator(".vbody a")).hasText(new String[] {"Thermostat three"});

            for (var device : expected.entrySet()) {
                page.navigate("/devices/" + device.getKey());
                assertThat(page.getByTestId("device-status")).hasText(device.getValue());
                assertThat(page.getByTestId("overview-status")).hasText(device.getValue());
                Locator template = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Thermostat")
                        .setExact(true));
                assertThat(template).hasAttribute("title", THERMOSTAT);
                assertThat(page.getByTestId("template-id")).hasText(THERMOSTAT);
            }
            DeviceJourneyTest.shot(page, "51-thermostat-page-blocked");
        }
    }

    @Test
    void theLiveChartShowsTheLastFiveMinutesFilledFromHistory() {
        try (BrowserWindow window = session.signedIn(platform.http())) {
            Page page = window.page();
            page.navigate("/devices/" + ONCE + "/telemetry");
            Locator chart = page.locator("figure[data-mode=live][data-capability=temperature]");
            assertThat(chart.getByTestId("live-summary")).hasText("· 1 point");
            Locator plot = chart.locator(".chart");
            assertThat(plot).hasAttribute("data-x-range", java.util.regex.Pattern.compile("\\d+(\\.\\d+)? \\d+(\\.\\d+)?"));
            double[] first = range(plot);
            double now = System.currentTimeMillis() / 1000.0;
            assertThat(first[1] - first[0]).isCloseTo(300, within(0.01));
            assertThat(first[1]).isCloseTo(now, within(5.0));
            DeviceJourneyTest.shot(page, "52-live-chart-one-point");
            // The window moves with time
            await().atMost(Duration.ofSeconds(10)).until(() -> range(plot)[1] >= first[1] + 2);
            assertThat(chart.getByTestId("live-summary")).hasText("· 1 point");
        }
    }

    @Test
    void propertyNumbersNeverWrapInANarrowWindow() {
        try (BrowserWindow window = session.signedIn(platform.http())) {
            Page page = window.page();
            page.setViewportSize(820, 1180);
            page.navigate("/devices/" + ONCE + "/properties");
            Locator target = page.locator("tr[data-property=targetTemperature]");
            target.getByLabel("New value of targetTemperature").fill("20.125");
            target.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send")).click();
            assertThat(target.getByTestId("state")).containsText("Accepted", new com.microsoft.playwright.assertions
                    .LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
            assertThat(target.getByTestId("reported")).hasText("20.125");
            Locator maxTemp = page.locator("tr[data-property=maxTempSinceLastReboot]").getByTestId("reported");
            assertThat(maxTemp).hasText(java.util.regex.Pattern.compile("^-?\\d+(\\.\\d+)?$"));
            for (Locator cell : new Locator[] {target.getByTestId("reported"), maxTemp}) {
                assertThat(cell.evaluate("el => { const r = document.createRange(); r.selectNodeContents(el); "
                        + "return r.getClientRects().length; }")).as(cell.textContent()).isEqualTo(1);
            }
            DeviceJourneyTest.shot(page, "53-properties-narrow");
        }
    }

    private static double[] range(Locator plot) {
        String[] parts = plot.getAttribute("data-x-range").split(" ");
        return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])};
    }
}
