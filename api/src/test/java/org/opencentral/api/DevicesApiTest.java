package org.opencentral.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencentral.core.store.ConnectionChange;

/** Device CRUD, ETags, paging and credentials over real HTTP and real stores. */
class DevicesApiTest extends PlatformApiTest {
    @Test
    void createReadUpdateDelete() {
        assertThat(admin.put("/api/deviceTemplates/dtmi%3Acontoso%3AThermostat%3B1?" + Http.V,
                SimulationIntervalApiTest.TEMPLATE).status()).isEqualTo(200);
        Http.Reply created = admin.put("/api/devices/th-1?" + Http.V,
                "{\"displayName\":\"Thermostat\",\"template\":\"dtmi:contoso:Thermostat;1\",\"simulated\":true}");

        assertThat(created.status()).isEqualTo(200);
        JsonNode device = created.json();
        assertThat(device.path("id").asText()).isEqualTo("th-1");
        assertThat(device.path("displayName").asText()).isEqualTo("Thermostat");
        assertThat(device.path("template").asText()).isEqualTo("dtmi:contoso:Thermostat;1");
        assertThat(device.path("enabled").asBoolean()).isTrue();
        assertThat(device.path("simulated").asBoolean()).isTrue();
        assertThat(device.path("provisioned").asBoolean()).isFalse();
        assertThat(device.path("connected").asBoolean()).isFalse();
        assertThat(device.has("lastActivity")).isFalse();
        assertThat(created.header("ETag")).contains("\"" + device.path("etag").asText() + "\"");

        assertThat(admin.get("/api/devices/th-1?" + Http.V).json()).isEqualTo(device);

        Http.Reply patched = admin.patch("/api/devices/th-1?" + Http.V, "{\"enabled\":false}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().path("enabled").asBoolean()).isFalse();
        assertThat(patched.json().path("displayName").asText()).isEqualTo("Thermostat");
        assertThat(patched.json().path("etag").asText()).isNotEqualTo(device.path("etag").asText());

        Http.Reply replaced = admin.put("/api/devices/th-1?" + Http.V, "{\"displayName\":\"Renamed\"}");
        assertThat(replaced.json().path("enabled").asBoolean()).isTrue();
        assertThat(replaced.json().path("simulated").asBoolean()).isFalse();

        java.time.Instant heard = java.time.Instant.parse("2026-01-02T03:04:05Z");
        platform.state.devices().recordConnections(List.of(new ConnectionChange(
                org.opencentral.core.device.DeviceId.of("th-1"), true, heard, java.util.Optional.empty())));
        JsonNode connected = admin.get("/api/devices/th-1?" + Http.V).json();
        assertThat(connected.path("connected").asBoolean()).isTrue();
        assertThat(connected.path("lastActivity").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(admin.patch("/api/devices/th-1?" + Http.V, "{\"connected\":false,\"lastActivity\":\"x\"}").json()
                .path("connected").asBoolean()).as("read-only members in a body are ignored").isTrue();

        assertThat(admin.delete("/api/devices/th-1?" + Http.V).status()).isEqualTo(204);
        assertThat(admin.get("/api/devices/th-1?" + Http.V).status()).isEqualTo(404);
        assertThat(admin.get("/api/devices/th-1?" + Http.V).errorCode()).isEqualTo("NotFound");
        assertThat(admin.delete("/api/devices/th-1?" + Http.V).status()).isEqualTo(404);
    }

    @Test
    void staleEtagsAre412() {
        String etag = admin.put("/api/devices/d1?" + Http.V, "{}").header("ETag").orElseThrow();
        admin.patch("/api/devices/d1?" + Http.V, "{\"displayName\":\"changed\"}");

        Http.Reply byHeader = admin.send("PATCH", "/api/devices/d1?" + Http.V, "{\"displayName\":\"x\"}", etag);
        Http.Reply byBody = admin.put("/api/devices/d1?" + Http.V,
                "{\"displayName\":\"x\",\"etag\":\"" + etag.replace("\"", "") + "\"}");
        Http.Reply onDelete = admin.send("DELETE", "/api/devices/d1?" + Http.V, null, etag);

        for (Http.Reply reply : List.of(byHeader, byBody, onDelete)) {
            assertThat(reply.status()).isEqualTo(412);
            assertThat(reply.errorCode()).isEqualTo("PreconditionFailed");
        }
        String current = admin.get("/api/devices/d1?" + Http.V).header("ETag").orElseThrow();
        assertThat(admin.send("PATCH", "/api/devices/d1?" + Http.V, "{\"displayName\":\"ok\"}", current).status())
                .isEqualTo(200);
    }

    @Test
    void invalidBodiesAndIdsAre400() {
        assertThat(admin.put("/api/devices/d1?" + Http.V, "{\"enabled\":\"yes\"}").status()).isEqualTo(400);
        assertThat(admin.put("/api/devices/d1?" + Http.V, "{\"id\":\"other\"}").status()).isEqualTo(400);
        assertThat(admin.put("/api/devices/d1?" + Http.V, "[1,2]").status()).isEqualTo(400);
        assertThat(admin.put("/api/devices/bad%20id?" + Http.V, "{}").status()).isEqualTo(400);
    }

    @Test
    void listsPageWithNextLinks() {
        for (int i = 1; i <= 5; i++) {
            admin.put("/api/devices/dev-" + i + "?" + Http.V, "{}");
        }
        List<String> ids = new ArrayList<>();
        String link = "/api/devices?" + Http.V + "&maxpagesize=2";
        int pages = 0;
        while (link != null) {
            JsonNode page = admin.get(link).json();
            page.path("value").forEach(d -> ids.add(d.path("id").asText()));
            link = page.has("nextLink") ? page.path("nextLink").asText() : null;
            if (link != null) {
                assertThat(link).startsWith("http://127.0.0.1:" + platform.port + "/api/devices?api-version=");
            }
            pages++;
        }

        assertThat(ids).containsExactly("dev-1", "dev-2", "dev-3", "dev-4", "dev-5");
        assertThat(pages).isEqualTo(3);
        assertThat(admin.get("/api/devices?" + Http.V + "&$top=3").json().path("value")).hasSize(3);
        assertThat(admin.get("/api/devices?" + Http.V + "&maxpagesize=1001").status()).isEqualTo(400);
        assertThat(admin.get("/api/devices?" + Http.V + "&$filter=enabled%20eq%20true").json().path("value"))
                .hasSize(5);
    }

    @Test
    void credentialsShowTheIdScopeAndTheDeviceKeys() {
        admin.put("/api/devices/d1?" + Http.V, "{}");

        JsonNode credentials = admin.get("/api/devices/d1/credentials?" + Http.V).json();

        var keys = platform.devices.get(org.opencentral.core.device.DeviceId.of("d1")).keys();
        assertThat(credentials.path("idScope").asText()).isEqualTo(TestPlatform.ID_SCOPE);
        assertThat(credentials.path("symmetricKey").path("primaryKey").asText()).isEqualTo(keys.primaryKey());
        assertThat(credentials.path("symmetricKey").path("secondaryKey").asText()).isEqualTo(keys.secondaryKey());
        assertThat(admin.get("/api/devices/none/credentials?" + Http.V).status()).isEqualTo(404);
    }
}
