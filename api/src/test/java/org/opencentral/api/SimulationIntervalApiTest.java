package org.opencentral.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.platform.c2d.CloudToDeviceService;
import org.opencentral.platform.eventlog.ConsumerRunner;
import org.opencentral.platform.ingest.ActivityTracker;
import org.opencentral.platform.ingest.IngestService;
import org.opencentral.platform.security.BuiltInRole;
import org.opencentral.platform.simulation.SimulationConfig;
import org.opencentral.platform.simulation.SimulationPorts;
import org.opencentral.platform.simulation.SimulationTrigger;
import org.opencentral.platform.simulation.Simulator;

/**
 * The {@code simulationInterval} extension of a device over real HTTP: set, read back, changed and
 * refused when invalid, and obeyed by a real simulator started from device lifecycle events (as the
 * server wires it), counted in the device's raw data. Rates are checked with a wide margin.
 */
@Timeout(120)
class SimulationIntervalApiTest {
    static final String THERMOSTAT = "dtmi:contoso:Thermostat;1";
    static final String DEVICE = "/api/devices/sim-1?" + Http.V;

    @TempDir
    Path dir;
    TestPlatform platform;
    Simulator simulator;
    ConsumerRunner trigger;
    Http api;

    @BeforeEach
    void start() {
        platform = new TestPlatform(dir, ApiConfig.of("127.0.0.1", 0, TestPlatform.ID_SCOPE), true);
        Clock clock = Clock.systemUTC();
        SimulationPorts ports = new SimulationPorts(platform.devices, platform.templateService, platform.sessions,
                new IngestService(platform.log, new ActivityTracker(platform.state.devices(), clock), clock,
                        org.opencentral.platform.ingest.MessageSizeLimit.DEFAULT),
                platform.twins, platform.commands, new CloudToDeviceService(platform.state.c2d(), platform.sessions,
                clock));
        simulator = new Simulator(SimulationConfig.defaults().withInterval(Duration.ofHours(1)), ports, clock);
        trigger = new ConsumerRunner(platform.log, platform.state.cursors(), new SimulationTrigger(simulator));
        trigger.start();
        simulator.start();
        api = new Http(platform.port, platform.token("admin", BuiltInRole.APP_ADMINISTRATOR));
        assertThat(api.put("/api/deviceTemplates/" + URLEncoder.encode(THERMOSTAT, StandardCharsets.UTF_8) + "?"
                + Http.V, TEMPLATE).status()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        trigger.close();
        simulator.close();
        platform.close();
    }

    @Test
    void theIntervalIsSetReadBackChangedAndRefusedWhenInvalid() {
        Http.Reply created = api.put(DEVICE, "{\"template\":\"" + THERMOSTAT + "\",\"simulated\":true,"
                + "\"simulationInterval\":\"PT2.5S\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        assertThat(created.json().path("simulationInterval").asText()).isEqualTo("PT2.5S");
        assertThat(api.get(DEVICE).json().path("simulationInterval").asText()).isEqualTo("PT2.5S");

        assertThat(api.patch(DEVICE, "{\"simulationInterval\":\"P1D\"}").json().path("simulationInterval")
                .asText()).isEqualTo("PT24H");
        for (String invalid : new String[] {"\"PT0.1S\"", "\"P1DT1S\"", "\"-PT5S\"", "\"PT0.2505S\"", "\"often\"",
                "5", "true"}) {
            Http.Reply refused = api.patch(DEVICE, "{\"simulationInterval\":" + invalid + "}");
            assertThat(refused.status()).as(invalid).isEqualTo(400);
            assertThat(refused.errorCode()).as(invalid).isEqualTo("BadRequest");
            assertThat(refused.json().at("/error/message").asText()).as(invalid).containsIgnoringCase("interval");
        }
        assertThat(api.get(DEVICE).json().path("simulationInterval").asText()).isEqualTo("PT24H");

        Http.Reply reset = api.patch(DEVICE, "{\"simulationInterval\":null}");
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.json().has("simulationInterval")).isFalse();
        api.patch(DEVICE, "{\"simulationInterval\":\"PT3S\"}");
        assertThat(api.put(DEVICE, "{\"template\":\"" + THERMOSTAT + "\",\"simulated\":true}").json()
                .has("simulationInterval")).as("PUT replaces: left out is the default").isFalse();
    }

    @Test
    void aSimulatedDeviceSendsAtItsIntervalAndAPatchChangesTheRateWithoutARestart() {
        api.put(DEVICE, "{\"template\":\"" + THERMOSTAT + "\",\"simulated\":true,\"simulationInterval\":\"PT0.5S\"}");

        assertThat(timeToSend(6)).as("6 messages at one every 0.5 s").isBetween(Duration.ofMillis(2_000),
                Duration.ofSeconds(20));

        assertThat(api.patch(DEVICE, "{\"simulationInterval\":null}").status()).isEqualTo(200);
        long before = telemetryCount();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> telemetryCount() <= before + 1);

        assertThat(api.patch(DEVICE, "{\"simulationInterval\":\"PT0.25S\"}").status()).isEqualTo(200);
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
        JsonNode page = api.get("/api/devices/sim-1/rawData?" + Http.V + "&maxpagesize=500").json();
        return StreamSupport.stream(page.path("value").spliterator(), false)
                .filter(m -> m.path("kind").asText().equals("telemetry")).count();
    }

    static final String TEMPLATE = "{\"@type\":[\"ModelDefinition\",\"DeviceModel\"],\"displayName\":\"Thermostat\","
            + "\"capabilityModel\":{\"@id\":\"dtmi:contoso:cm:Thermostat;1\",\"@type\":\"Interface\","
            + "\"contents\":[{\"@type\":\"Telemetry\",\"name\":\"temperature\",\"schema\":\"double\"}]}}";
}
