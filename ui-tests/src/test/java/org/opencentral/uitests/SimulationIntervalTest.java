package org.opencentral.uitests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

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
        publishTemplate(PUMP, "Pump", FLOW);
        rest.put("/devices/" + DEVICE, Map.of("displayName", "Simulated pump", "template", PUMP, "simulated", true))
                .ok();
    }

    @Test
    void anOperatorChangesHowOftenASimulatedDeviceSends() {
        try (BrowserWindow window = session.signedIn(platform.http())) {
            DevicePage device = DevicePage.open(window.page(), DEVICE);
            assertThat(device.simulationInterval()).hasText("Server default");

            device.changeSimulationInterval("0.1");
            assertThat(device.error()).containsText("between 0.25 seconds and one day");
            device.retrySimulationInterval("2");
            assertThat(device.simulationInterval()).hasText("Every 2 s");
            assertThat(rest.get("/devices/" + DEVICE).ok().path("simulationInterval").asText()).isEqualTo("PT2S");
            window.shot("40-simulation-interval");

            device.useDefaultSimulationInterval();
            assertThat(device.simulationInterval()).hasText("Server default");
            assertThat(rest.get("/devices/" + DEVICE).ok().has("simulationInterval")).isFalse();
        }
    }
}
