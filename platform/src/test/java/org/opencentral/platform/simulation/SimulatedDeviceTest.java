package org.opencentral.platform.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.dtdl.DtdlParser;
import org.opencentral.dtdl.model.DeviceModel;
import org.opencentral.platform.ingest.TelemetryMessage;

/** What a simulated device says, derived from its model: telemetry, reported properties, acks, answers. */
class SimulatedDeviceTest {
    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final String MODEL = """
            {"@context": ["dtmi:iotcentral:context;2", "dtmi:dtdl:context;2"],
             "@id": "dtmi:test:Sim;1", "@type": "Interface",
             "contents": [
               {"@type": ["Telemetry", "Temperature"], "name": "temperature", "schema": "double", "unit": "degreeCelsius"},
               {"@type": ["Telemetry", "Event"], "name": "alarm", "schema": "string"},
               {"@type": "Property", "name": "serial", "schema": "string"},
               {"@type": "Property", "name": "target", "schema": "double", "writable": true},
               {"@type": "Command", "name": "reboot"},
               {"@type": "Component", "name": "gps", "schema": {
                 "@id": "dtmi:test:Gps;1", "@type": "Interface", "contents": [
                   {"@type": ["Telemetry", "Location"], "name": "position", "schema": "geopoint"},
                   {"@type": "Property", "name": "rate", "schema": "integer", "writable": true},
                   {"@type": "Command", "name": "fix", "response": {"name": "ok", "schema": "boolean"}}]}}]}
            """;

    final DeviceModel model = DtdlParser.standalone().parse("test", MODEL).model("dtmi:test:Sim;1").orElseThrow();
    final SimulatedDevice device = new SimulatedDevice(new DeviceId("sim-1"), model, 1);

    @Test
    void telemetryIsOneMessagePerComponentWithEventsNowAndThen() {
        int events = 0;
        for (int i = 0; i < 200; i++) {
            List<TelemetryMessage> messages = device.telemetry(NOW);
            assertThat(messages).extracting(TelemetryMessage::component)
                    .containsExactly(Optional.empty(), Optional.of("gps"));
            JsonNode root = Json.parse(messages.get(0).body());
            assertThat(root.path("temperature").asDouble()).isBetween(15.0, 30.0);
            events += root.has("alarm") ? 1 : 0;
            assertThat(Json.parse(messages.get(1).body()).at("/position/lat").isNumber()).isTrue();
        }
        assertThat(events).isBetween(1, 40);
    }

    @Test
    void readOnlyPropertiesAreReportedAtStartUnlessAlreadyReported() {
        ObjectNode reported = DeviceTwinReplies.initialReported(device, Json.object(), NOW).orElseThrow();
        assertThat(reported.path("serial").isTextual()).isTrue();
        assertThat(reported.has("target")).isFalse();
        assertThat(reported.has("gps")).isFalse();
        assertThat(DeviceTwinReplies.initialReported(device, reported, NOW)).isEmpty();
    }

    @Test
    void writablePropertiesAreAcknowledgedInThePlugAndPlayForm() {
        ObjectNode desired = Json.parseObject("""
                {"target": 22.5, "unknown": 1, "gps": {"__t": "c", "rate": 5}, "$version": 7}""");
        ObjectNode ack = DeviceTwinReplies.acknowledge(device, desired, 7).orElseThrow();
        assertThat(ack.toString()).isEqualTo(Json.parseObject("""
                {"target": {"value": 22.5, "ac": 200, "av": 7, "ad": "completed"},
                 "gps": {"rate": {"value": 5, "ac": 200, "av": 7, "ad": "completed"}, "__t": "c"}}""").toString());
    }

    @Test
    void commandsAreAnsweredFromTheirResponseSchema() {
        assertThat(CommandReplies.answer(device, "gps*fix", NOW).payload().isBoolean()).isTrue();
        assertThat(CommandReplies.answer(device, "reboot", NOW)).satisfies(reply -> {
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.payload().isNull()).isTrue();
        });
        assertThat(CommandReplies.answer(device, "nothing", NOW).status()).isEqualTo(404);
    }
}
