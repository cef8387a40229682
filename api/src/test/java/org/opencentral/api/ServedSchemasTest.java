package org.opencentral.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.api.contract.SpecResponses;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.PlatformEvent;
import org.opencentral.core.store.LastValue;

/**
 * The served document describes what the UI reads from the extensions (its API types are generated
 * from it): each answer conforms to the document's schema for it, closed to members it does not name.
 */
@Timeout(60)
class ServedSchemasTest extends ScenarioApiTest {
    static final Instant AT = Instant.parse("2026-05-01T10:00:00Z");

    SpecResponses served;

    @BeforeEach
    void document() {
        served = new SpecResponses(new Http(platform.port, null).get("/api/openapi.json?" + Http.V).json(), Map.of());
    }

    @Test
    void whoCallsSignedInOrNot() {
        assertConforms("GET", "/auth/me", admin.get("/api/auth/me?" + Http.V), "\"signedIn\":true");
        assertConforms("GET", "/auth/me", new Http(platform.port, null).get("/api/auth/me?" + Http.V),
                "\"signedIn\":false");
    }

    @Test
    void aDevicesTelemetrySeriesAndRawData() {
        platform.state.lastValues().upsert(List.of(new LastValue(DeviceId.of("dev-root"), "thermostat1", "temperature",
                Json.parse("21.5"), AT)));
        platform.log.append(new PlatformEvent.TelemetryReceived(DeviceId.of("dev-root"), AT, Optional.empty(),
                Map.of("alert", "true"), Map.of(), "not json {".getBytes(StandardCharsets.UTF_8))).join();
        platform.log.append(new PlatformEvent.DeviceDisconnected(DeviceId.of("dev-root"), AT.plusSeconds(1),
                "keep-alive timeout")).join();

        assertConforms("GET", "/devices/{deviceId}/telemetry", admin.get("/api/devices/dev-root/telemetry?" + Http.V),
                "\"truncated\":false");
        assertConforms("GET", "/devices/{deviceId}/rawData", admin.get("/api/devices/dev-root/rawData?" + Http.V),
                "\"kind\":\"disconnected\"");
    }

    @Test
    void aDevicesFiles() {
        platform.state.files().insert(org.opencentral.core.file.DeviceFile.requested("c-1", DeviceId.of("dev-root"),
                "dev-root/a.txt", AT));
        platform.state.files().uploaded("c-1", 3, Optional.of("text/plain"), AT.plusSeconds(1));
        assertConforms("GET", "/devices/{deviceId}/files", admin.get("/api/devices/dev-root/files?" + Http.V),
                "\"fileName\":\"a.txt\"");
    }

    @Test
    void rolesWithTheirPermissions() {
        assertConforms("GET", "/roles", admin.get("/api/roles?" + Http.V), "\"permissions\":[");
    }

    @Test
    void aGroupsPreviewAndADevicesGroups() {
        assertThat(admin.put("/api/deviceGroups/all?" + Http.V, "{\"displayName\":\"All\","
                + "\"filter\":\"SELECT * FROM devices\"}").status()).isEqualTo(200);

        assertConforms("GET", "/deviceGroupPreview",
                admin.get("/api/deviceGroupPreview?" + Http.V + "&filter=SELECT%20*%20FROM%20devices"), "\"count\":");
        assertConforms("GET", "/devices/{deviceId}/deviceGroups",
                admin.get("/api/devices/dev-root/deviceGroups?" + Http.V), "\"displayName\":\"All\"");
    }

    @Test
    void aDashboardAndItsTilesData() {
        Http.Reply saved = admin.put("/api/dashboards/ops?" + Http.V, "{\"displayName\":\"Ops\",\"tiles\":["
                + "{\"displayName\":\"Devices\",\"x\":0,\"y\":0,\"width\":2,\"height\":2,"
                + "\"configuration\":{\"type\":\"deviceCount\"}}]}");
        assertConforms("PUT", "/dashboards/{dashboardId}", saved, "\"tiles\":[");
        assertConforms("GET", "/dashboards", admin.get("/api/dashboards?" + Http.V), "\"displayName\":\"Ops\"");
        assertConforms("POST", "/dashboards/{dashboardId}/data",
                admin.post("/api/dashboards/ops/data?" + Http.V, "{\"duration\":\"PT1H\"}"), "\"count\":");
    }

    @Test
    void aModelErrorWithItsProblems() {
        Http.Reply refused = admin.put("/api/deviceTemplates/dtmi:contoso:Broken%3B1?" + Http.V,
                "{\"@type\":[\"ModelDefinition\",\"DeviceModel\"],\"capabilityModel\":{\"@id\":\"dtmi:contoso:cm:Broken;1\","
                        + "\"@type\":\"Interface\",\"contents\":[{\"@type\":\"Telemetry\",\"name\":\"t\","
                        + "\"schema\":\"doubel\"}]}}");

        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertConforms("PUT", "/deviceTemplates/{deviceTemplateId}", refused, "\"pointer\":");
    }

    private void assertConforms(String method, String path, Http.Reply reply, String contains) {
        assertThat(reply.text()).contains(contains);
        assertThat(served.check(method, path, reply.status(), reply.text())).as(reply.text()).isEmpty();
    }
}
