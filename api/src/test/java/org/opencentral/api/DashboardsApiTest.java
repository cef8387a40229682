package org.opencentral.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.api.contract.SpecResponses;
import org.opencentral.core.Json;
import org.opencentral.platform.security.BuiltInRole;

/**
 * The dashboards API (IoT Central's 2022-10-31-preview): every route's answers validated against
 * the preview document (copied into the test resources), a dashboard holding every tile
 * configuration type of the document, and the stories: personal dashboards seen by their owner
 * only, organization dashboards within the caller's organizations, invalid tiles refused by name,
 * etags, paging, audit.
 */
@Timeout(120)
class DashboardsApiTest extends ScenarioApiTest {
    static final String PREVIEW = "api-version=2022-10-31-preview";
    static final String GROUPED = "\"group\":\"g\",\"devices\":[],"
            + "\"capabilities\":[{\"capability\":\"temperature\",\"aggregateFunction\":\"avg\"}]";
    static final String TIME = "\"queryRange\":{\"type\":\"time\",\"duration\":\"P1D\",\"resolution\":\"PT1H\"}";
    /** One configuration of every tile type of the preview document. */
    static final List<String> EVERY_TYPE = List.of(
            "{\"type\":\"lineChart\"," + GROUPED + ",\"queryRange\":{\"type\":\"count\",\"count\":100},"
                    + "\"format\":{\"xAxisEnabled\":true,\"yAxisEnabled\":false,\"legendEnabled\":true}}",
            "{\"type\":\"barChart\"," + GROUPED + "," + TIME + "}",
            "{\"type\":\"pieChart\"," + GROUPED + "," + TIME + "}",
            "{\"type\":\"heatMapChart\"," + GROUPED + "," + TIME + "}",
            "{\"type\":\"eventChart\"," + GROUPED + "," + TIME + "}",
            "{\"type\":\"eventHistoryChart\"," + GROUPED + "," + TIME + "}",
            "{\"type\":\"stateChart\"," + GROUPED + "," + TIME + "}",
            "{\"type\":\"stateHistoryChart\"," + GROUPED + "," + TIME + "}",
            "{\"type\":\"kpi\"," + GROUPED + "," + TIME + ",\"format\":{\"decimalPlaces\":1,\"abbreviateValue\":true}}",
            "{\"type\":\"lkv\"," + GROUPED + ",\"showTrend\":true}",
            "{\"type\":\"property\"," + GROUPED + "}",
            "{\"type\":\"mapProperty\"," + GROUPED + ",\"zoomLevel\":3}",
            "{\"type\":\"mapTelemetry\"," + GROUPED + ",\"zoomLevel\":5}",
            "{\"type\":\"deviceCount\",\"group\":\"g\",\"format\":{\"wordWrap\":true}}",
            "{\"type\":\"command\",\"group\":\"g\",\"command\":\"reboot\",\"device\":\"d1\"}",
            "{\"type\":\"dataExplorer\"," + TIME + ",\"query\":\"q1\"}",
            "{\"type\":\"externalContent\",\"sourceUrl\":\"https://example.com/\"}",
            "{\"type\":\"image\",\"image\":\"asset\",\"href\":\"https://example.com/\",\"format\":{\"fitImage\":true}}",
            "{\"type\":\"label\",\"text\":\"Hello\",\"textSize\":14,\"wordWrap\":true}",
            "{\"type\":\"markdown\",\"description\":\"# Notes\\n*ok*\",\"href\":\"https://example.com/\"}");

    /**
     * The document has two schemas for the tile type {@code command}, both closed:
     * {@code CommandTileConfiguration} (group, command, device) and {@code CommandConfiguration}
     * (command, device). No answer can pass both, so the second tolerates the first's {@code group}.
     */
    final SpecResponses spec = new SpecResponses(preview(), Map.of("CommandConfiguration", Set.of("group")));
    final List<String> problems = new ArrayList<>();
    final Set<String> covered = new TreeSet<>();

    static String dashboard(String name, List<String> configurations) {
        ObjectNode body = Json.object();
        body.put("displayName", name);
        ArrayNode tiles = body.putArray("tiles");
        for (int i = 0; i < configurations.size(); i++) {
            tiles.addObject().put("displayName", "Tile " + i).put("x", (i % 5) * 2).put("y", (i / 5) * 2)
                    .put("width", 2).put("height", 2).set("configuration", Json.parseObject(configurations.get(i)));
        }
        return body.toString();
    }

    @Test
    void everyDashboardRouteAnswersAsThePreviewDocumentSays() {
        call("PUT", "/dashboards/{dashboardId}", "ops", dashboard("Operations", EVERY_TYPE), 200);
        call("PUT", "/dashboards/{dashboardId}", "bad", dashboard("Bad", List.of("{\"type\":\"gauge\"}")), 400);
        call("GET", "/dashboards/{dashboardId}", "ops", null, 200);
        call("GET", "/dashboards/{dashboardId}", "missing", null, 404);
        call("PATCH", "/dashboards/{dashboardId}", "ops", "{\"favorite\":true}", 200);
        call("PATCH", "/dashboards/{dashboardId}", "ops", "{\"displayName\":\"\"}", 400);
        call("GET", "/dashboards", null, null, 200);
        call("DELETE", "/dashboards/{dashboardId}", "ops", null, 204);
        call("DELETE", "/dashboards/{dashboardId}", "ops", null, 404);

        assertThat(problems).as("answers that differ from the case or the preview document").isEmpty();
        Set<String> routes = new TreeSet<>();
        platform.server.routes().stream().filter(r -> r.path().startsWith("/api/dashboards")
                && !r.path().endsWith("/data"))
                .forEach(r -> routes.add(r.method().name() + " " + r.path().substring("/api".length())));
        assertThat(covered).isEqualTo(routes);
        routes.forEach(r -> assertThat(spec.has(r.substring(0, r.indexOf(' ')), r.substring(r.indexOf(' ') + 1)))
                .as(r).isTrue());
    }

    @Test
    void everyTileTypeIsKeptAsWrittenAndBrokenTilesAreRefusedByName() {
        JsonNode saved = admin.put(path("ops"), dashboard("Operations", EVERY_TYPE)).json();
        assertThat(saved.path("tiles")).hasSize(EVERY_TYPE.size());
        for (int i = 0; i < EVERY_TYPE.size(); i++) {
            assertThat(saved.path("tiles").get(i).path("configuration")).isEqualTo(Json.parse(EVERY_TYPE.get(i)));
        }
        assertThat(admin.get(path("ops")).json().path("tiles")).isEqualTo(saved.path("tiles"));

        assertThat(refusal(List.of("{\"type\":\"kpi\"," + GROUPED + "}"))).contains("'queryRange' is required");
        assertThat(refusal(List.of("{\"type\":\"kpi\"," + GROUPED
                + ",\"queryRange\":{\"type\":\"time\",\"duration\":\"P2D\"}}"))).contains("'queryRange.duration'");
        assertThat(refusal(List.of("{\"type\":\"lkv\",\"group\":\"g\",\"devices\":[],"
                + "\"capabilities\":[{\"capability\":\"t\",\"aggregateFunction\":\"median\"}]}")))
                .contains("aggregateFunction");
        assertThat(refusal(List.of("{\"type\":\"externalContent\",\"sourceUrl\":\"http://example.com\"}")))
                .contains("https://");
        assertThat(refusal(List.of("{\"type\":\"gauge\"}"))).contains("unknown configuration type 'gauge'", "lineChart");
        assertThat(refusal(List.of("{\"type\":\"markdown\"}"))).contains("'description' is required");
        String tooMany = dashboard("Many", java.util.Collections.nCopies(101, "{\"type\":\"label\",\"text\":\"x\"}"));
        assertThat(admin.put(path("many"), tooMany).text()).contains("at most 100 tiles");
        String outside = dashboard("Far", List.of("{\"type\":\"label\",\"text\":\"x\"}")).replace("\"width\":2",
                "\"width\":11");
        assertThat(admin.put(path("far"), outside).text()).contains("tiles[0].width");
        assertThat(admin.get(path("bad")).status()).isEqualTo(404);
    }

    @Test
    void personalDashboardsAreSeenByTheirOwnerOnly() {
        Http operator = admin.as(platform.token("op", BuiltInRole.APP_OPERATOR));
        Http other = admin.as(platform.token("op2", BuiltInRole.APP_OPERATOR));
        Http.Reply mine = operator.put(path("mine"), "{\"displayName\":\"Mine\",\"personal\":true}");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().path("personal").asBoolean()).isTrue();
        assertThat(ids(operator.get(path(null)).json())).containsExactly("mine");
        assertThat(ids(other.get(path(null)).json())).isEmpty();
        assertThat(ids(admin.get(path(null)).json())).isEmpty();
        assertThat(other.get(path("mine")).status()).isEqualTo(404);
        assertThat(other.patch(path("mine"), "{\"favorite\":true}").status()).isEqualTo(404);
        assertThat(other.put(path("mine"), "{\"displayName\":\"Taken\",\"personal\":true}").status()).isEqualTo(409);
        assertThat(operator.patch(path("mine"), "{\"personal\":false}").status()).isEqualTo(400);

        Http.Reply shared = operator.put(path("shared"), "{\"displayName\":\"Shared\"}");
        assertThat(shared.status()).isEqualTo(403);
        assertThat(shared.json().at("/error/message").asText()).contains("applicationDashboards.create");
        assertThat(admin.put(path("shared"), "{\"displayName\":\"Shared\"}").status()).isEqualTo(200);
        assertThat(ids(operator.get(path(null)).json())).containsExactly("mine", "shared");
        assertThat(operator.delete(path("shared")).status()).isEqualTo(403);
        assertThat(operator.delete(path("mine")).status()).isEqualTo(204);
    }

    @Test
    void organizationDashboardsStayWithinTheCallersOrganizations() {
        admin.put(path("west"), "{\"displayName\":\"West\",\"organizations\":[\"west\"]}");
        admin.put(path("east"), "{\"displayName\":\"East\",\"organizations\":[\"east\"]}");
        admin.put(path("root"), "{\"displayName\":\"Root\"}");
        Http westAdmin = admin.as(platform.token("wa", BuiltInRole.ORG_ADMINISTRATOR.id(), "west"));
        assertThat(ids(westAdmin.get(path(null)).json())).containsExactly("west");
        assertThat(westAdmin.get(path("east")).status()).isEqualTo(404);
        assertThat(westAdmin.put(path("seattle"), "{\"displayName\":\"S\",\"organizations\":[\"seattle\"]}")
                .status()).isEqualTo(200);
        assertThat(westAdmin.put(path("mine"), "{\"displayName\":\"S\",\"organizations\":[\"east\"]}").status())
                .isEqualTo(403);
        assertThat(admin.put(path("x"), "{\"displayName\":\"X\",\"organizations\":[\"nowhere\"]}").text())
                .contains("organization 'nowhere' does not exist");
    }

    @Test
    void changesHonourEtagsAreAuditedAndListsArePaged() {
        String etag = admin.put(path("d3"), "{\"displayName\":\"D3\"}").json().path("etag").asText();
        admin.put(path("d1"), "{\"displayName\":\"D1\"}");
        admin.put(path("d2"), "{\"displayName\":\"D2\"}");
        assertThat(admin.send("PATCH", path("d3"), "{\"favorite\":true}", "\"stale\"").status()).isEqualTo(412);
        assertThat(admin.send("PATCH", path("d3"), "{\"favorite\":true}", "\"" + etag + "\"").status()).isEqualTo(200);
        assertThat(admin.get(path("d3")).json().path("favorite").asBoolean()).isTrue();

        JsonNode first = admin.get(path(null) + "&maxpagesize=2").json();
        assertThat(ids(first)).containsExactly("d1", "d2");
        JsonNode second = admin.get(first.path("nextLink").asText()).json();
        assertThat(ids(second)).containsExactly("d3");
        assertThat(second.has("nextLink")).isFalse();

        JsonNode audit = admin.get("/api/auditLogs?" + Http.V).json();
        assertThat(audit.toString()).contains("/api/dashboards/d3", "PATCH /api/dashboards/{dashboardId}");
    }

    private String refusal(List<String> configurations) {
        Http.Reply reply = admin.put(path("bad"), dashboard("Bad", configurations));
        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        return reply.json().at("/error/message").asText();
    }

    private void call(String method, String specPath, String id, String body, int status) {
        String path = specPath.replace("{dashboardId}", id == null ? "" : id);
        Http.Reply reply = admin.send(method, "/api" + path + "?" + PREVIEW, body, null);
        String what = method + " " + path + " -> " + reply.status();
        if (reply.status() != status) {
            problems.add(what + ": expected " + status + ", body " + reply.text());
        }
        spec.check(method, specPath, reply.status(), reply::header, reply.text())
                .forEach(p -> problems.add(what + ": " + p));
        covered.add(method + " " + specPath);
    }

    private static List<String> ids(JsonNode collection) {
        List<String> ids = new ArrayList<>();
        collection.path("value").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    private static String path(String id) {
        return "/api/dashboards" + (id == null ? "" : "/" + id) + "?" + PREVIEW;
    }

    private static JsonNode preview() {
        try (InputStream in = DashboardsApiTest.class.getResourceAsStream(
                "/openapi/iotcentral-2022-10-31-preview-dataexport.json")) {
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
