package org.opencentral.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.event.PlatformEvent;
import org.opencentral.core.event.PlatformEvent.CloudPropertiesUpdated;
import org.opencentral.core.event.PlatformEvent.TemplateLifecycle;
import org.opencentral.core.event.PlatformEvent.TemplateLifecycle.Change;

/** /api/deviceTemplates over real HTTP and real stores, and the template-aware device routes. */
@Timeout(60)
class DeviceTemplatesApiTest extends PlatformApiTest {
    static final String THERMOSTAT = "dtmi:contoso:Thermostat;1";

    @Test
    void aValidTemplateIsPublishedAndReadInIotCentralsShape() {
        Http.Reply put = admin.put(path(THERMOSTAT), template("double", ""));

        assertThat(put.status()).isEqualTo(200);
        JsonNode body = put.json();
        assertThat(body.path("@id").asText()).isEqualTo(THERMOSTAT);
        assertThat(body.path("@type").toString()).isEqualTo("[\"ModelDefinition\",\"DeviceModel\"]");
        assertThat(body.path("displayName").asText()).isEqualTo("Thermostat");
        assertThat(body.path("etag").asText()).isNotBlank();
        assertThat(body.at("/capabilityModel/contents/0/name").asText()).isEqualTo("temperature");
        assertThat(admin.get(path(THERMOSTAT)).json()).isEqualTo(body);
        assertThat(admin.get(path("dtmi:contoso:Other;1")).status()).isEqualTo(404);
    }

    @Test
    void anInvalidModelIsRefusedWithEveryErrorAtItsPointer() {
        Http.Reply put = admin.put(path(THERMOSTAT), template("doubel", ""));

        assertThat(put.status()).isEqualTo(400);
        JsonNode details = put.json().at("/error/details");
        assertThat(details).anySatisfy(d -> {
            assertThat(d.path("code").asText()).isEqualTo("SCHEMA_UNKNOWN");
            assertThat(d.path("pointer").asText()).isEqualTo("/capabilityModel/contents/0/schema");
            assertThat(d.path("message").asText()).isNotBlank();
        });
        assertThat(admin.get(path(THERMOSTAT)).status()).isEqualTo(404);
    }

    @Test
    void aPublishedVersionIsImmutableButItsEnvelopeAndCloudPropertiesMayChange() {
        admin.put(path(THERMOSTAT), template("double", ""));

        assertThat(admin.put(path(THERMOSTAT), template("double", "")).status()).isEqualTo(200);
        assertThat(admin.put(path(THERMOSTAT), template("integer", "")).json().at("/error/code").asText())
                .isEqualTo("Conflict");
        Http.Reply renamed = admin.patch(path(THERMOSTAT), "{\"displayName\":\"Renamed\"}");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().path("displayName").asText()).isEqualTo("Renamed");
        JsonNode model = renamed.json().path("capabilityModel");
        String withCloud = model.toString().replace("\"contents\":[", "\"contents\":[" + CLOUD + ",");
        Http.Reply patched = admin.patch(path(THERMOSTAT), "{\"capabilityModel\":" + withCloud + "}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().at("/capabilityModel/contents/0/name").asText()).isEqualTo("customerName");
        String changed = model.toString().replace("\"double\"", "\"integer\"");
        assertThat(admin.patch(path(THERMOSTAT), "{\"capabilityModel\":" + changed + "}").status()).isEqualTo(409);
        assertThat(admin.put(path("dtmi:contoso:Thermostat;2"), template("integer", "")).status()).isEqualTo(200);

        assertThat(logged(TemplateLifecycle.class)).extracting(TemplateLifecycle::templateId, TemplateLifecycle::change)
                .containsExactly(tuple(THERMOSTAT, Change.CREATED), tuple(THERMOSTAT, Change.UPDATED),
                        tuple(THERMOSTAT, Change.UPDATED), tuple(THERMOSTAT, Change.UPDATED),
                        tuple("dtmi:contoso:Thermostat;2", Change.CREATED));
        assertThat(logged(TemplateLifecycle.class).get(3).etag())
                .contains("\"" + patched.json().path("etag").asText() + "\"");
    }

    @Test
    void aTemplateInUseCannotBeDeletedAndDevicesNeedAnExistingTemplate() {
        admin.put(path(THERMOSTAT), template("double", ""));

        assertThat(admin.put("/api/devices/d1?" + Http.V, "{\"template\":\"dtmi:contoso:Missing;1\"}").status())
                .isEqualTo(400);
        assertThat(admin.put("/api/devices/d1?" + Http.V, "{\"template\":\"" + THERMOSTAT + "\"}").status())
                .isEqualTo(200);
        assertThat(admin.delete(path(THERMOSTAT)).status()).isEqualTo(409);
        assertThat(logged(TemplateLifecycle.class)).extracting(TemplateLifecycle::change)
                .containsExactly(Change.CREATED);

        assertThat(admin.delete("/api/devices/d1?" + Http.V).status()).isEqualTo(204);
        assertThat(admin.delete(path(THERMOSTAT)).status()).isEqualTo(204);
        assertThat(admin.get(path(THERMOSTAT)).status()).isEqualTo(404);
        assertThat(logged(TemplateLifecycle.class)).extracting(TemplateLifecycle::change)
                .containsExactly(Change.CREATED, Change.DELETED);
    }

    @Test
    void templatesArePagedWithNextLinks() {
        for (int i = 1; i <= 5; i++) {
            admin.put(path("dtmi:contoso:T" + i + ";1"), template("double", ""));
        }

        JsonNode first = admin.get("/api/deviceTemplates?" + Http.V + "&maxpagesize=2").json();
        assertThat(first.path("value")).hasSize(2);
        String next = first.path("nextLink").asText();
        JsonNode second = admin.get(next.substring(next.indexOf("/api/"))).json();
        assertThat(second.path("value").get(0).path("@id").asText()).isEqualTo("dtmi:contoso:T3;1");
        JsonNode last = admin.get("/api/deviceTemplates?" + Http.V + "&$top=10").json();
        assertThat(last.path("value")).hasSize(5);
        assertThat(last.has("nextLink")).isFalse();
    }

    @Test
    void cloudPropertiesAreValidatedStoredAndShownBesideDeviceProperties() {
        admin.put(path(THERMOSTAT), template("double", CLOUD + ","));
        admin.put("/api/devices/d1?" + Http.V, "{\"template\":\"" + THERMOSTAT + "\"}");

        Http.Reply bad = admin.patch("/api/devices/d1/properties?" + Http.V, "{\"customerName\":5}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/error/details/0/pointer").asText()).isEqualTo("/customerName");
        assertThat(admin.patch("/api/devices/d1/properties?" + Http.V, "{\"customerName\":\"Contoso\"}")
                .status()).isEqualTo(202);

        JsonNode properties = admin.get("/api/devices/d1/properties?" + Http.V).json();
        assertThat(properties.path("customerName").asText()).isEqualTo("Contoso");
        assertThat(properties.at("/$metadata/customerName/lastUpdateTime").asText()).isNotBlank();
        assertThat(admin.patch("/api/devices/d1/properties?" + Http.V, "{\"target\":21}").status()).isEqualTo(202);
        assertThat(admin.patch("/api/devices/d1/properties?" + Http.V, "{\"customerName\":null}").status())
                .isEqualTo(202);

        List<CloudPropertiesUpdated> cloud = logged(CloudPropertiesUpdated.class);
        assertThat(cloud).extracting(e -> e.patch().toString())
                .containsExactly("{\"customerName\":\"Contoso\"}", "{\"customerName\":null}");
        assertThat(cloud).allSatisfy(e -> {
            assertThat(e.deviceId()).isEqualTo(DeviceId.of("d1"));
            assertThat(e.component()).isEqualTo(Optional.empty());
        });
    }

    /**
     * What the log holds of one kind. The API answers once a change and its event are committed to the
     * state store; the outbox forwarder brings the event to the log right after, and a step of it here
     * (it runs one step at a time) makes sure every committed event is in the log before reading.
     */
    private <E extends PlatformEvent> List<E> logged(Class<E> kind) {
        platform.outboxForwarder.runOnce();
        return platform.log.read(0, 1_000).stream().map(LoggedEvent::event).filter(kind::isInstance)
                .map(kind::cast).toList();
    }

    static final String CLOUD = "{\"@type\":[\"Property\",\"Cloud\"],\"name\":\"customerName\",\"schema\":\"string\"}";

    private static String path(String id) {
        return "/api/deviceTemplates/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "?" + Http.V;
    }

    private static String template(String schema, String extraContents) {
        return "{\"@type\":[\"ModelDefinition\",\"DeviceModel\"],\"displayName\":\"Thermostat\","
                + "\"capabilityModel\":{\"@id\":\"dtmi:contoso:cm:Thermostat;1\",\"@type\":\"Interface\","
                + "\"contents\":[" + extraContents + "{\"@type\":\"Telemetry\",\"name\":\"temperature\",\"schema\":\""
                + schema + "\"},{\"@type\":\"Property\",\"name\":\"target\",\"schema\":\"double\","
                + "\"writable\":true}]}}";
    }
}
