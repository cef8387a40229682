package org.opencentral.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.LastValue;
import org.opencentral.platform.security.BuiltInRole;

/** Properties, commands, telemetry and cloud-to-device messages over real HTTP and real stores. */
class DeviceCapabilitiesApiTest extends PlatformApiTest {
    private static final DeviceId ID = DeviceId.of("th-1");

    Http api;

    @BeforeEach
    void operatorAndDevice() {
        api = new Http(platform.port, platform.token("operator", BuiltInRole.APP_OPERATOR));
        assertThat(api.put("/api/devices/th-1?" + Http.V, "{}").status()).isEqualTo(200);
    }

    @Test
    void patchingPropertiesWritesDesiredValuesWithTheirVersion() {
        platform.twins.patchReported(ID, Json.parseObject(
                "{\"thermostat1\":{\"__t\":\"c\",\"maxTemp\":30},\"serial\":\"s-1\"}"));

        Http.Reply accepted = api.patch("/api/devices/th-1/properties?" + Http.V,
                "{\"thermostat1\":{\"targetTemperature\":21},\"fanSpeed\":3}");

        assertThat(accepted.status()).isEqualTo(202);
        long version = platform.twins.get(ID).desired().version();
        assertThat(accepted.json()).isEqualTo(Json.parse("""
                {"thermostat1":{"$metadata":{"targetTemperature":{"desiredValue":21,"desiredVersion":%d}}},
                 "$metadata":{"fanSpeed":{"desiredValue":3,"desiredVersion":%d}}}""".formatted(version, version)));
        assertThat(platform.twins.get(ID).desired().properties())
                .isEqualTo(Json.parse("{\"thermostat1\":{\"targetTemperature\":21,\"__t\":\"c\"},\"fanSpeed\":3}"));

        JsonNode properties = api.get("/api/devices/th-1/properties?" + Http.V).json();
        assertThat(properties.path("serial").asText()).isEqualTo("s-1");
        assertThat(properties.at("/thermostat1/maxTemp").asInt()).isEqualTo(30);
        assertThat(properties.at("/thermostat1/$metadata/targetTemperature/desiredValue").asInt()).isEqualTo(21);
        assertThat(properties.at("/thermostat1/$metadata/targetTemperature/desiredVersion").asLong()).isEqualTo(version);
        assertThat(properties.at("/$metadata/serial/lastUpdateTime").asText()).isNotBlank();
        assertThat(properties.has("__t")).isFalse();
    }

    @Test
    void componentPropertiesAreReadAndWrittenThroughTheComponentPath() {
        Http.Reply accepted = api.patch("/api/devices/th-1/components/settings/properties?" + Http.V,
                "{\"fanSpeed\":35}");
        api.put("/api/devices/th-1/components/settings/properties?" + Http.V, "{\"voltage\":5}");

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.json().at("/$metadata/fanSpeed/desiredValue").asInt()).isEqualTo(35);
        assertThat(platform.twins.get(ID).desired().properties().get("settings"))
                .isEqualTo(Json.parse("{\"voltage\":5,\"__t\":\"c\"}"));
        JsonNode component = api.get("/api/devices/th-1/components/settings/properties?" + Http.V).json();
        assertThat(component.at("/$metadata/voltage/desiredValue").asInt()).isEqualTo(5);
        assertThat(component.at("/$metadata/fanSpeed").isMissingNode()).isTrue();
    }

    @Test
    void replacingPropertiesReplacesTheDesiredSection() {
        api.patch("/api/devices/th-1/properties?" + Http.V, "{\"a\":1,\"b\":2}");

        Http.Reply accepted = api.put("/api/devices/th-1/properties?" + Http.V, "{\"b\":3}");

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(platform.twins.get(ID).desired().properties()).isEqualTo(Json.parse("{\"b\":3}"));
        assertThat(api.get("/api/devices/none/properties?" + Http.V).status()).isEqualTo(404);
    }

    @Test
    void commandToADeviceThatIsNotConnectedIsDeviceNotOnline() {
        Http.Reply reply = api.post("/api/devices/th-1/commands/reboot?" + Http.V,
                "{\"request\":{\"delay\":1},\"connectionTimeout\":0}");
        Http.Reply inComponent = api.post("/api/devices/th-1/components/c1/commands/reboot?" + Http.V, "{}");

        for (Http.Reply r : List.of(reply, inComponent)) {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.errorCode()).isEqualTo("DeviceNotOnline");
            assertThat(r.header("x-ms-error-code")).contains("DeviceNotOnline");
        }
        assertThat(api.post("/api/devices/none/commands/reboot?" + Http.V, "{}").errorCode()).isEqualTo("NotFound");
        assertThat(api.post("/api/devices/th-1/commands/reboot?" + Http.V, "{\"responseTimeout\":60}").status())
                .isEqualTo(400);
    }

    @Test
    void telemetryAnswersTheLastKnownValue() {
        Instant at = Instant.parse("2026-05-01T12:00:00Z");
        platform.state.lastValues().upsert(List.of(new LastValue(ID, "", "temperature", Json.parse("21.5"), at),
                new LastValue(ID, "thermostat1", "temperature", Json.parse("{\"c\":1}"), at)));

        Http.Reply root = api.get("/api/devices/th-1/telemetry/temperature?" + Http.V);
        Http.Reply component = api.get("/api/devices/th-1/components/thermostat1/telemetry/temperature?" + Http.V);

        assertThat(root.status()).isEqualTo(200);
        assertThat(root.json()).isEqualTo(Json.parse("{\"value\":21.5,\"timestamp\":\"2026-05-01T12:00:00Z\"}"));
        assertThat(component.json().path("value")).isEqualTo(Json.parse("{\"c\":1}"));
        assertThat(api.get("/api/devices/th-1/telemetry/humidity?" + Http.V).status()).isEqualTo(404);
        assertThat(api.get("/api/devices/none/telemetry/temperature?" + Http.V).status()).isEqualTo(404);
    }

    @Test
    void cloudToDeviceMessagesAreQueued() {
        Http.Reply reply = api.post("/api/devices/th-1/messages?" + Http.V,
                "{\"data\":{\"hello\":1},\"properties\":{\"k\":\"v\"},\"ttl\":\"PT1H\"}");

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.json().path("messageId").asText()).isNotBlank();
        assertThat(platform.state.c2d().countPending(ID, Instant.now())).isEqualTo(1);
        assertThat(api.post("/api/devices/none/messages?" + Http.V, "{\"data\":1}").status()).isEqualTo(404);
    }
}
