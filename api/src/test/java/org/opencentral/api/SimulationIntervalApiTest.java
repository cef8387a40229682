package org.opencentral.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The {@code simulationInterval} extension of a device over real HTTP: set, read back, changed and
 * refused when invalid, and obeyed by the platform's simulator started from device lifecycle events (the
 * default interval of 10 s), counted in the device's raw data. Rates are checked with a wide margin.
 */
@Timeout(120)
class SimulationIntervalApiTest extends PlatformApiTest {
    static final String THERMOSTAT = "dtmi:contoso:Thermostat;1";
    static final String DEVICE = "/api/devices/sim-1?" + Http.V;

    @BeforeEach
    void thermostatTemplate() {
        assertThat(admin.put("/api/deviceTemplates/" + URLEncoder.encode(THERMOSTAT, StandardCharsets.UTF_8) + "?"
                + Http.V, TEMPLATE).status()).isEqualTo(200);
    }

    @Test
    void theIntervalIsSetReadBackChangedAndRefusedWhenInvalid() {
        Http.Reply created = admin.put(DEVICE, "{\"template\":\"" + THERMOSTAT + "\",\"simulated\":true,"
                + "\"simulationInterval\":\"PT2.5S\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        assertThat(created.json().path("simulationInterval").asText()).isEqualTo("PT2.5S");
        assertThat(admin.get(DEVICE).json().path("simulationInterval").asText()).isEqualTo("PT2.5S");

        assertThat(admin.patch(DEVICE, "{\"simulationInterval\":\"P1D\"}").json().path("simulationInterval")
                .asText()).isEqualTo("PT24H");
        for (String invalid : new String[] {"\"PT0.1S\"", "\"P1DT1S\"", "\"-PT5S\"", "\"PT0.2505S\"", "\"often\"",
                "5", "true"}) {
            Http.Reply refused = admin.patch(DEVICE, "{\"simulationInterval\":" + invalid + "}");
            assertThat(refused.status()).as(invalid).isEqualTo(400);
            assertThat(refused.errorCode()).as(invalid).isEqualTo("BadRequest");
            assertThat(refused.json().at("/error/message").asText()).as(invalid).containsIgnoringCase("interval");
        }
        assertThat(admin.get(DEVICE).json().path("simulationInterval").asText()).isEqualTo("PT24H");

        Http.Reply reset = admin.patch(DEVICE, "{\"simulationInterval\":null}");
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.json().has("simulationInterval")).isFalse();
        admin.patch(DEVICE, "{\"simulationInterval\":\"PT3S\"}");
        assertThat(admin.put(DEVICE, "{\"template\":\"" + THERMOSTAT + "\",\"simulated\":true}").json()
                .has("simulationInterval")).as("PUT replaces: left out is the default").isFalse();
    }

    @Test
    void aSimulatedDeviceSendsAtItsIntervalAndAPatchChangesTheRateWithoutARestart() {
        admin.put(DEVICE, "{\"template\":\"" + THERMOSTAT + "\",\"simulated\":true,\"simulationInterval\":\"PT0.5S\"}");

        assertThat(timeToSend(6)).as("6 messages at one every 0.5 s").isBetween(Duration.ofMillis(2_000),
                Duration.ofSeconds(20));

        assertThat(admin.patch(DEVICE, "{\"simulationInterval\":null}").status()).isEqualTo(200);
        long before = telemetryCount();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> telemetryCount() <= before + 1);

        assertThat(admin.patch(DEVICE, "{\"simulationInterval\":\"PT0.25S\"}").status()).isEqualTo(200);
        assertThat(timeToSend(8)).as("8 messages at one every 0.25 s").isBetween(Duration.ofMillis(1_500),
                Duration.ofSeconds(20));
    }

    /** How long the device takes to send {@code count} more telemetry messages (at most 20 s). */
    private Duration timeToSend(int count) {
        long target = telemetryCount() + count;
        long started = System.nanoTime();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> telemetryCount() >= target);
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Telemetry messages of the device stored in the event log, read through its raw data. */
    private long telemetryCount() {
        JsonNode page = admin.get("/api/devices/sim-1/rawData?" + Http.V + "&maxpagesize=500").json();
        return StreamSupport.stream(page.path("value").spliterator(), false)
                .filter(m -> m.path("kind").asText().equals("telemetry")).count();
    }

    static final String TEMPLATE = "{\"@type\":[\"ModelDefinition\",\"DeviceModel\"],\"displayName\":\"Thermostat\","
            + "\"capabilityModel\":{\"@id\":\"dtmi:contoso:cm:Thermostat;1\",\"@type\":\"Interface\","
            + "\"contents\":[{\"@type\":\"Telemetry\",\"name\":\"temperature\",\"schema\":\"double\"}]}}";
}
