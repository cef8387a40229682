package org.opencentral.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.platform.security.BuiltInRole;

/** A device's components, modules and relationships over real HTTP and real stores. */
@Timeout(60)
class DeviceStructureApiTest extends ScenarioApiTest {
    private static final String TEMPLATE = "dtmi:contoso:Gateway;1";

    @Test
    void componentsComeFromTheDevicesTemplate() {
        assertThat(admin.put("/api/deviceTemplates/" + TEMPLATE.replace(";", "%3B") + "?" + Http.V, template())
                .status()).isEqualTo(200);
        admin.put("/api/devices/gw?" + Http.V, "{\"template\":\"" + TEMPLATE + "\"}");

        JsonNode components = admin.get("/api/devices/gw/components?" + Http.V).json().path("value");
        assertThat(components).hasSize(1);
        assertThat(components.get(0).path("name").asText()).isEqualTo("thermostat1");
        assertThat(components.get(0).path("schema").asText()).isEqualTo("dtmi:contoso:Thermostat;1");
        assertThat(components.get(0).path("displayName").asText()).isEqualTo("Thermostat One");
        assertThat(admin.get("/api/devices/dev-root/components?" + Http.V).json().path("value")).isEmpty();
    }

    @Test
    void devicesHaveNoModules() {
        assertThat(admin.get("/api/devices/dev-root/modules?" + Http.V).json().path("value")).isEmpty();

        Http.Reply module = admin.get("/api/devices/dev-root/modules/edge/properties?" + Http.V);
        assertThat(module.status()).isEqualTo(404);
        assertThat(module.text()).contains("has no module 'edge'");
        assertThat(admin.get("/api/devices/missing/modules?" + Http.V).status()).isEqualTo(404);
    }

    @Test
    void relationshipsLinkAGatewayToItsChildrenAndGoWithThem() {
        admin.put("/api/devices/gw?" + Http.V, "{}");
        String rel = "/api/devices/gw/relationships/child?" + Http.V;

        Http.Reply created = admin.put(rel, "{\"target\":\"dev-root\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        assertThat(created.json().path("source").asText()).isEqualTo("gw");
        assertThat(admin.put(rel, "{\"source\":\"dev-east\",\"target\":\"dev-root\"}").status()).isEqualTo(400);
        assertThat(admin.put(rel, "{\"target\":\"gw\"}").status()).isEqualTo(400);
        assertThat(admin.put("/api/devices/gw/relationships/bad%20id?" + Http.V, "{\"target\":\"dev-root\"}")
                .status()).isEqualTo(400);

        assertThat(admin.patch(rel, "{\"target\":\"dev-east\"}").json().path("target").asText()).isEqualTo("dev-east");
        assertThat(admin.get("/api/devices/gw/relationships?" + Http.V).json().path("value")).hasSize(1);

        assertThat(admin.delete("/api/devices/dev-east?" + Http.V).status()).isEqualTo(204);
        assertThat(admin.get(rel).status()).isEqualTo(404);
        assertThat(admin.get("/api/devices/gw/relationships?" + Http.V).json().path("value")).isEmpty();
    }

    @Test
    void aScopedCallerCannotLinkToADeviceOutsideItsOrganizations() {
        Http west = admin.as(platform.token("west-operator", BuiltInRole.ORG_OPERATOR.id(), "west"));
        String rel = "/api/devices/dev-west/relationships/up?" + Http.V;

        Http.Reply outside = west.put(rel, "{\"target\":\"dev-east\"}");
        Http.Reply missing = west.put(rel, "{\"target\":\"nowhere\"}");
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.json().at("/error/message").asText().replace("dev-east", "X"))
                .isEqualTo(missing.json().at("/error/message").asText().replace("nowhere", "X"));
        assertThat(west.get("/api/devices/dev-east/relationships?" + Http.V).status()).isEqualTo(404);

        admin.put("/api/devices/dev-seattle-2?" + Http.V, "{\"organizations\":[\"seattle\"]}");
        assertThat(west.put(rel, "{\"target\":\"dev-seattle-2\"}").status()).isEqualTo(200);
    }

    private static String template() {
        return "{\"@type\":[\"ModelDefinition\",\"DeviceModel\"],\"displayName\":\"Gateway\","
                + "\"capabilityModel\":{\"@id\":\"dtmi:contoso:cm:Gateway;1\",\"@type\":\"Interface\",\"contents\":["
                + "{\"@type\":\"Relationship\",\"name\":\"children\"},"
                + "{\"@type\":\"Component\",\"name\":\"thermostat1\",\"displayName\":\"Thermostat One\",\"schema\":"
                + "{\"@id\":\"dtmi:contoso:Thermostat;1\",\"@type\":\"Interface\",\"contents\":["
                + "{\"@type\":\"Telemetry\",\"name\":\"temperature\",\"schema\":\"double\"}]}}]}}";
    }
}
