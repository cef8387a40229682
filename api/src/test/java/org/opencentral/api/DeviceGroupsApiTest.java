package org.opencentral.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.platform.security.BuiltInRole;

/**
 * {@code /api/deviceGroups} over real HTTP and a real SQLite state store: CRUD with etags,
 * filter errors with their position, members that follow the devices' state, paging, organization
 * scope, the audit log, and the two web UI extensions (filter preview, a device's groups).
 */
@Timeout(60)
class DeviceGroupsApiTest extends ScenarioApiTest {
    private static final String SIMULATED = "SELECT * FROM devices WHERE $simulated = true";

    private static String body(String name, String filter, String organizations) {
        return Json.object().put("displayName", name).put("filter", filter).toString()
                .replace("}", organizations.isEmpty() ? "}" : ",\"organizations\":[\"" + organizations + "\"]}");
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("value").forEach(v -> ids.add(v.path("id").asText()));
        return ids;
    }

    private Http.Reply members(Http http, String group) {
        return http.get("/api/deviceGroups/" + group + "/devices?" + Http.V);
    }

    @Test
    void aGroupIsCreatedReadChangedWithEtagsAndDeleted() {
        Http.Reply created = admin.put("/api/deviceGroups/sims?" + Http.V, body("Sims", SIMULATED, ""));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().path("id").asText()).isEqualTo("sims");
        assertThat(created.json().path("filter").asText()).isEqualTo(SIMULATED);
        String etag = created.json().path("etag").asText();
        assertThat(created.header("ETag")).contains("\"" + etag + "\"");

        Http.Reply stale = admin.send("PATCH", "/api/deviceGroups/sims?" + Http.V, "{\"displayName\":\"x\"}",
                "\"stale\"");
        assertThat(stale.status()).isEqualTo(412);
        Http.Reply patched = admin.send("PATCH", "/api/deviceGroups/sims?" + Http.V,
                "{\"description\":\"every simulator\"}", "\"" + etag + "\"");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().path("displayName").asText()).isEqualTo("Sims");
        assertThat(patched.json().path("description").asText()).isEqualTo("every simulator");
        assertThat(admin.get("/api/deviceGroups/sims?" + Http.V).json()).isEqualTo(patched.json());

        assertThat(admin.delete("/api/deviceGroups/sims?" + Http.V).status()).isEqualTo(204);
        assertThat(admin.get("/api/deviceGroups/sims?" + Http.V).status()).isEqualTo(404);
        JsonNode audit = admin.get("/api/auditLogs?" + Http.V).json();
        assertThat(audit.toString()).contains("PUT /api/deviceGroups/{deviceGroupId}",
                "PATCH /api/deviceGroups/{deviceGroupId}", "DELETE /api/deviceGroups/{deviceGroupId}");
    }

    @Test
    void anInvalidFilterIsA400WithThePositionAndNothingIsStored() {
        Http.Reply bad = admin.put("/api/deviceGroups/bad?" + Http.V,
                body("Bad", "SELECT * FROM devices WHERE $simulated = 'yes'", ""));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("error").path("message").asText())
                .startsWith("at 1:29: $simulated can only be compared with true or false");
        Http.Reply unknownTemplate = admin.put("/api/deviceGroups/bad?" + Http.V,
                body("Bad", "SELECT * FROM devices WHERE $template = \"dtmi:nowhere:Pump;1\" AND flow > 1", ""));
        assertThat(unknownTemplate.status()).isEqualTo(400);
        assertThat(unknownTemplate.json().path("error").path("message").asText())
                .startsWith("at 1:29: device template 'dtmi:nowhere:Pump;1' does not exist");
        assertThat(admin.put("/api/deviceGroups/bad?" + Http.V, "{\"displayName\":\"Bad\"}").status()).isEqualTo(400);
        assertThat(admin.put("/api/deviceGroups/bad?" + Http.V, "{\"displayName\":7,\"filter\":\"SELECT * FROM devices\"}")
                .status()).isEqualTo(400);
        assertThat(admin.get("/api/deviceGroups/bad?" + Http.V).status()).isEqualTo(404);
        assertThat(admin.get("/api/deviceGroups?" + Http.V).json().path("value")).isEmpty();
    }

    @Test
    void membersFollowTheDevicesStateAndArePaged() {
        admin.put("/api/deviceGroups/v12?" + Http.V, body("Firmware 1.2",
                "SELECT * FROM devices WHERE firmwareVersion = \"1.2\" OR startswith($displayName, 'dev-e')", ""));
        assertThat(ids(members(admin, "v12").json())).containsExactly("dev-east");

        platform.twins.patchReported(DeviceId.of("dev-root"), Json.parseObject("{\"firmwareVersion\":\"1.2\"}"));
        platform.twins.patchReported(DeviceId.of("dev-west"), Json.parseObject("{\"firmwareVersion\":\"1.2\"}"));

        JsonNode first = admin.get("/api/deviceGroups/v12/devices?maxpagesize=2&" + Http.V).json();
        assertThat(ids(first)).containsExactly("dev-east", "dev-root");
        String next = first.path("nextLink").asText();
        assertThat(next).contains("/api/deviceGroups/v12/devices?");
        JsonNode second = admin.get(next.substring(next.indexOf("/api/"))).json();
        assertThat(ids(second)).containsExactly("dev-west");
        assertThat(second.has("nextLink")).isFalse();
        assertThat(admin.get("/api/devices/dev-west/deviceGroups?" + Http.V).json().path("value").get(0)
                .path("id").asText()).isEqualTo("v12");
        assertThat(admin.get("/api/devices/dev-east/deviceGroups?" + Http.V).json().path("value")).hasSize(1);
    }

    @Test
    void aPreviewCountsWhatAnUnsavedFilterMatches() {
        JsonNode preview = admin.get("/api/deviceGroupPreview?filter="
                + encode("SELECT * FROM devices WHERE contains($id, 'dev-')") + "&maxpagesize=1&"
                + Http.V).json();
        assertThat(preview.path("count").asLong()).isEqualTo(3);
        assertThat(ids(preview)).containsExactly("dev-east");
        Http.Reply bad = admin.get("/api/deviceGroupPreview?filter=" + encode("SELECT * FROM") + "&"
                + Http.V);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("error").path("message").asText()).startsWith("at 1:14:");
    }

    @Test
    void anOrganizationsCallerSeesItsGroupsAndItsMembersOnly() {
        admin.put("/api/deviceGroups/everything?" + Http.V, body("All", "SELECT * FROM devices", ""));
        Http west = admin.as(platform.token("west-operator", BuiltInRole.ORG_OPERATOR.id(), "west"));

        Http.Reply own = west.put("/api/deviceGroups/west-all?" + Http.V, body("West", "SELECT * FROM devices", "west"));
        assertThat(own.status()).isEqualTo(200);
        assertThat(west.put("/api/deviceGroups/rooted?" + Http.V,
                "{\"displayName\":\"Root\",\"filter\":\"SELECT * FROM devices\",\"organizations\":[]}").status())
                .as("the application root is outside the caller's organizations").isEqualTo(403);
        Http.Reply placed = west.put("/api/deviceGroups/placed?" + Http.V, body("Placed", "SELECT * FROM devices", ""));
        assertThat(placed.json().path("organizations").get(0).asText())
                .as("a group that names no organization lands in the caller's").isEqualTo("west");
        assertThat(west.delete("/api/deviceGroups/placed?" + Http.V).status()).as("an Org Operator may not delete")
                .isEqualTo(403);
        assertThat(admin.delete("/api/deviceGroups/placed?" + Http.V).status()).isEqualTo(204);
        assertThat(ids(west.get("/api/deviceGroups?" + Http.V).json())).containsExactly("west-all");
        assertThat(west.get("/api/deviceGroups/everything?" + Http.V).status()).isEqualTo(404);
        assertThat(ids(members(west, "west-all").json())).containsExactly("dev-west");
        assertThat(ids(members(admin, "west-all").json())).as("a group of an organization holds its devices only")
                .containsExactly("dev-west");
        assertThat(ids(members(admin, "everything").json())).containsExactly("dev-east", "dev-root", "dev-west");

        Http viewer = admin.as(platform.token("west-viewer", BuiltInRole.ORG_VIEWER.id(), "west"));
        assertThat(viewer.get("/api/deviceGroups/west-all?" + Http.V).status()).isEqualTo(200);
        assertThat(viewer.put("/api/deviceGroups/west-all?" + Http.V, body("Mine", "SELECT * FROM devices", "west"))
                .status()).isEqualTo(403);
        assertThat(viewer.delete("/api/deviceGroups/west-all?" + Http.V).status()).isEqualTo(403);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
