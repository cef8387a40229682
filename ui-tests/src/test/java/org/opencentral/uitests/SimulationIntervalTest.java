package org.opencentral.uitests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.testkit.RestClient;

/**
 * A simulated device's send interval on its page in a real browser against a real node: shown as
 * the server's default, refused in plain language when out of bounds, changed, and reset.
 */
@Timeout(180)
class SimulationIntervalTest extends BrowserTest {
    private static final String PUMP = "dtmi:com:example:ui:SimPump;1";
    private static final String DEVICE = "sim-pump";

    private static RestClient rest;

    @BeforeAll
    static void start() {
        rest = platform.rest();
        rest.put("/deviceTemplates/" + PUMP.replace(";", "%3B"), "{\"@type\":[\"ModelDefinition\",\"DeviceModel\"],"
                + "\"displayName\":\"Pump\",\"capabilityModel\":{\"@id\":\"dtmi:com:example:ui:SimPumpModel;1\","
                + "\"@type\":\"Interface\",\"contents\":[{\"@type\":\"Telemetry\",\"name\":\"flow\","
                + "\"schema\":\"double\"}]}}").ok();
        rest.put("/devices/" + DEVICE, Map.of("displayName", "Simulated pump", "template", PUMP, "simulated", true))
                .ok();
    }

    @Test
    void anOperatorChangesHowOftenASimulatedDeviceSends() {
        try (BrowserWindow window = session.signedIn(platform.http())) {
            Page page = window.page();
            page.navigate("/devices/" + DEVICE);
            Locator interval = page.getByTestId("simulation-interval");
            assertThat(interval).hasText("Server default");

            button(page, "Change").click();
            page.getByLabel("Seconds between messages").fill("0.1");
            button(page, "Save").click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("between 0.25 seconds and one day");
            page.getByLabel("Seconds between messages").fill("2");
            button(page, "Save").click();
            assertThat(interval).hasText("Every 2 s");
            assertThat(rest.get("/devices/" + DEVICE).ok().path("simulationInterval").asText()).isEqualTo("PT2S");
            DeviceJourneyTest.shot(page, "40-simulation-interval");

            button(page, "Change").click();
            button(page, "Use default").click();
            assertThat(interval).hasText("Server default");
            assertThat(rest.get("/devices/" + DEVICE).ok().has("simulationInterval")).isFalse();
        }
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
