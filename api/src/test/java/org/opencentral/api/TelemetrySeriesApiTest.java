package org.opencentral.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.LastValue;

/**
 * The extensions the device and template pages of the UI read: a device's telemetry series
 * ({@code GET /api/devices/{id}/telemetry}) and a template's expanded model
 * ({@code GET /api/deviceTemplates/{id}/model}), over real HTTP and real stores.
 */
@Timeout(60)
class TelemetrySeriesApiTest extends ScenarioApiTest {
    static final String CONTROLLER = "dtmi:contoso:Controller;1";
    static final Instant AT = Instant.parse("2026-05-01T10:00:00Z");
    /** A root with one telemetry and two components of one thermostat interface, the second by reference. */
    static final String TEMPLATE = """
            {"@type":["ModelDefinition","DeviceModel"],"displayName":"Controller","capabilityModel":{
              "@id":"dtmi:contoso:cm:Controller;1","@type":"Interface","contents":[
                {"@type":"Telemetry","name":"workingSet","displayName":"Working set","schema":"double"},
                {"@type":"Component","name":"thermostat1","schema":{"@id":"dtmi:contoso:cm:Thermostat;1",
                  "@type":"Interface","contents":[{"@type":"Telemetry","name":"temperature",
                  "displayName":"Temperature","schema":"double"}]}},
                {"@type":"Component","name":"thermostat2","schema":"dtmi:contoso:cm:Thermostat;1"}]}}""";

    @Test
    void aDeviceWithoutATemplateListsWhatItSentAsUnmodeled() {
        sent("dev-root", "", "temperature", "21.5", 0);
        sent("dev-root", "", "location", "{\"lat\":47.6,\"lon\":-122.3}", 1);

        JsonNode body = series("dev-root");

        assertThat(body.path("truncated").asBoolean()).isFalse();
        assertThat(names(body)).containsExactly("location", "temperature");
        JsonNode location = body.at("/value/0");
        assertThat(location.path("value").path("lat").asDouble()).isEqualTo(47.6);
        assertThat(location.path("timestamp").asText()).isEqualTo(AT.plusSeconds(1).toString());
        assertThat(location.path("modeled").asBoolean()).isFalse();
        assertThat(location.has("component")).isFalse();
        assertThat(location.has("displayName")).isFalse();
    }

    @Test
    void aTemplatesTelemetryIsMarkedModeledWithItsDisplayNameInEveryComponent() {
        assertThat(admin.put(templatePath(CONTROLLER, ""), TEMPLATE).status()).isEqualTo(200);
        assertThat(admin.patch("/api/devices/dev-root?" + Http.V, "{\"template\":\"" + CONTROLLER + "\"}").status())
                .isEqualTo(200);
        sent("dev-root", "", "workingSet", "512", 0);
        sent("dev-root", "", "debugCounter", "7", 0);
        sent("dev-root", "thermostat2", "temperature", "19", 0);

        JsonNode body = series("dev-root");

        assertThat(names(body)).containsExactly("debugCounter", "workingSet", "thermostat2/temperature");
        assertThat(body.at("/value/0/modeled").asBoolean()).isFalse();
        assertThat(body.at("/value/1/modeled").asBoolean()).isTrue();
        assertThat(body.at("/value/1/displayName").asText()).isEqualTo("Working set");
        assertThat(body.at("/value/1/schema").asText()).isEqualTo("double");
        assertThat(body.at("/value/2/modeled").asBoolean()).isTrue();
        assertThat(body.at("/value/2/displayName").asText()).isEqualTo("Temperature");
        assertThat(body.at("/value/2/value").asInt()).isEqualTo(19);
    }

    @Test
    void aDeviceOutsideTheCallersOrganizationsIsNotFoundAndAMissingDeviceToo() {
        sent("dev-east", "", "temperature", "1", 0);
        sent("dev-west", "", "temperature", "2", 0);
        Http westUser = Scenario.signIn(new Http(platform.port, null), Scenario.WEST_USER);

        assertThat(westUser.get("/api/devices/dev-west/telemetry?" + Http.V).json().at("/value/0/value").asInt())
                .isEqualTo(2);
        Http.Reply hidden = westUser.get("/api/devices/dev-east/telemetry?" + Http.V);
        assertThat(hidden.status()).isEqualTo(404);
        JsonNode missing = westUser.get("/api/devices/no-such/telemetry?" + Http.V).json();
        assertThat(hidden.json().at("/error/message").asText())
                .isEqualTo(missing.at("/error/message").asText().replace("no-such", "dev-east"));
        assertThat(admin.get("/api/devices/no-such/telemetry?" + Http.V).status()).isEqualTo(404);
    }

    @Test
    void theExpandedModelResolvesAComponentGivenByReference() {
        admin.put(templatePath(CONTROLLER, ""), TEMPLATE);

        JsonNode stored = admin.get(templatePath(CONTROLLER, "")).json().path("capabilityModel");
        assertThat(stored.at("/contents/2/schema").isTextual()).as("stored: a reference").isTrue();
        Http.Reply reply = admin.get(templatePath(CONTROLLER, "/model"));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode model = reply.json();
        assertThat(model.path("@id").asText()).isEqualTo("dtmi:contoso:cm:Controller;1");
        JsonNode second = model.at("/contents/2");
        assertThat(second.path("name").asText()).isEqualTo("thermostat2");
        assertThat(second.at("/schema/@id").asText()).isEqualTo("dtmi:contoso:cm:Thermostat;1");
        assertThat(second.at("/schema/contents/0/name").asText()).isEqualTo("temperature");
        assertThat(second.at("/schema/contents/0/displayName/en").asText()).isEqualTo("Temperature");
        assertThat(admin.get(templatePath("dtmi:contoso:Missing;1", "/model")).status()).isEqualTo(404);
    }

    @Test
    void bothAreExtensionsOfTheServedOpenApiDocument() {
        JsonNode paths = new Http(platform.port, null).get("/api/openapi.json?" + Http.V).json().path("paths");

        assertThat(paths.at("/~1devices~1{deviceId}~1telemetry/get/x-opencentral-extension").asBoolean()).isTrue();
        assertThat(paths.at("/~1devices~1{deviceId}~1telemetry/get/x-opencentral-access").asText())
                .isEqualTo("devices.view");
        assertThat(paths.at("/~1deviceTemplates~1{deviceTemplateId}~1model/get/x-opencentral-extension").asBoolean())
                .isTrue();
    }

    private void sent(String device, String component, String name, String json, int second) {
        platform.state.lastValues().upsert(List.of(new LastValue(DeviceId.of(device), component, name,
                Json.parse(json), AT.plusSeconds(second))));
    }

    private JsonNode series(String device) {
        Http.Reply reply = admin.get("/api/devices/" + device + "/telemetry?" + Http.V);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json();
    }

    private static List<String> names(JsonNode body) {
        List<String> names = new ArrayList<>();
        body.path("value").forEach(v -> names.add((v.has("component") ? v.path("component").asText() + "/" : "")
                + v.path("name").asText()));
        return names;
    }

    private static String templatePath(String id, String suffix) {
        return "/api/deviceTemplates/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + suffix + "?" + Http.V;
    }
}
