package org.opencentral.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.LastValue;
import org.opencentral.core.telemetry.SeriesKey;
import org.opencentral.core.telemetry.TelemetryPoint;
import org.opencentral.core.telemetry.TelemetryValue;
import org.opencentral.core.template.CloudPropertyValue;
import org.opencentral.core.twin.Twin;
import org.opencentral.core.twin.TwinSection;
import org.opencentral.platform.security.BuiltInRole;

/**
 * {@code POST /api/dashboards/{id}/data}: every tile of a dashboard answered in one call over real
 * stores (SQLite state, DuckDB telemetry), for a shared time range, within the caller's
 * organizations.
 */
@Timeout(120)
class DashboardDataApiTest extends ScenarioApiTest {
    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    static final String RANGE = "{\"from\":\"2026-03-01T10:00:00Z\",\"to\":\"2026-03-01T11:00:00Z\"}";
    static final String THERMOSTATS = "\"group\":\"thermostats\",\"capabilities\":"
            + "[{\"capability\":\"temperature\",\"aggregateFunction\":\"%s\"}]";
    static final String TIME = "\"queryRange\":{\"type\":\"time\",\"duration\":\"PT1H\"}";

    @BeforeEach
    void thermostatsAndTiles() {
        for (String id : List.of("t1", "t2")) {
            assertThat(admin.put("/api/devices/" + id + "?" + Http.V, "{\"displayName\":\"thermo\"}").status())
                    .isEqualTo(200);
        }
        assertThat(admin.put("/api/deviceGroups/thermostats?" + Http.V, "{\"displayName\":\"Thermostats\","
                + "\"filter\":\"SELECT * FROM devices WHERE $displayName = \\\"thermo\\\"\"}").status()).isEqualTo(200);
        List<TelemetryPoint> points = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            points.add(point("t1", i, 20 + i));
            points.add(point("t2", i, 30 + i));
            points.add(point("dev-root", i, 100));
        }
        platform.telemetry.append(points);
        platform.state.lastValues().upsert(List.of(new LastValue(DeviceId.of("t1"), "", "location",
                Json.parse("{\"lat\":47.6,\"lon\":-122.3}"), START)));
        String tiles = "[" + String.join(",",
                tile("line", "{\"type\":\"lineChart\"," + THERMOSTATS.formatted("avg") + ",\"devices\":[]," + TIME + "}"),
                tile("perDevice", "{\"type\":\"lineChart\"," + THERMOSTATS.formatted("max")
                        + ",\"devices\":[\"t1\"]," + TIME + "}"),
                tile("kpi", "{\"type\":\"kpi\"," + THERMOSTATS.formatted("max") + ",\"devices\":[]," + TIME + "}"),
                tile("map", "{\"type\":\"mapTelemetry\",\"group\":\"thermostats\",\"devices\":[],"
                        + "\"capabilities\":[{\"capability\":\"location\",\"aggregateFunction\":\"count\"}]}"),
                tile("count", "{\"type\":\"deviceCount\",\"group\":\"thermostats\"}"),
                tile("all", "{\"type\":\"deviceCount\"}"),
                tile("notes", "{\"type\":\"markdown\",\"description\":\"# Notes\"}"),
                tile("rate", "{\"type\":\"messageRate\"}")) + "]";
        assertThat(admin.put("/api/dashboards/ops?" + Http.V, "{\"displayName\":\"Ops\",\"tiles\":" + tiles + "}")
                .status()).isEqualTo(200);
    }

    private static TelemetryPoint point(String device, int minute, double value) {
        return new TelemetryPoint(new SeriesKey(DeviceId.of(device), "", "temperature"), START.plusSeconds(60L * minute),
                TelemetryValue.of(value));
    }

    private static String tile(String id, String configuration) {
        return "{\"id\":\"" + id + "\",\"displayName\":\"" + id + "\",\"x\":0,\"y\":0,\"width\":2,\"height\":2,"
                + "\"configuration\":" + configuration + "}";
    }

    private JsonNode data(Http http, String body) {
        Http.Reply reply = http.post("/api/dashboards/ops/data?" + Http.V, body);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void everyTileIsAnsweredInOneCallForTheSharedRange() {
        JsonNode answer = data(admin, RANGE);
        assertThat(answer.path("from").asText()).isEqualTo("2026-03-01T10:00:00Z");
        JsonNode tiles = answer.path("tiles");

        JsonNode line = tiles.at("/line/data/series/0");
        assertThat(line.has("device")).isFalse();
        assertThat(line.path("points")).hasSize(10);
        assertThat(line.at("/points/0/0").asLong()).isEqualTo(START.toEpochMilli());
        assertThat(line.at("/points/0/1").asDouble()).isEqualTo(25.0);
        assertThat(line.at("/points/9/1").asDouble()).isEqualTo(34.0);

        JsonNode perDevice = tiles.at("/perDevice/data/series");
        assertThat(perDevice).hasSize(1);
        assertThat(perDevice.at("/0/device").asText()).isEqualTo("t1");
        assertThat(perDevice.at("/0/points/9/1").asDouble()).isEqualTo(29.0);

        assertThat(tiles.at("/kpi/data/values/0/value").asDouble()).isEqualTo(39.0);
        assertThat(tiles.at("/map/data/locations")).hasSize(1);
        assertThat(tiles.at("/map/data/locations/0/lat").asDouble()).isEqualTo(47.6);
        assertThat(tiles.at("/count/data/count").asLong()).isEqualTo(2);
        assertThat(tiles.at("/all/data/count").asLong()).isEqualTo(5);
        assertThat(tiles.at("/notes/type").asText()).isEqualTo("markdown");
        assertThat(tiles.at("/notes/data").isNull()).isTrue();
        assertThat(tiles.at("/rate/data/points")).hasSize(60);
    }

    @Test
    void tilesReadOnlyTheDevicesOfTheCallersOrganizations() {
        Http eastViewer = admin.as(platform.token("ev", BuiltInRole.ORG_VIEWER.id(), "east"));
        assertThat(admin.put("/api/dashboards/ops?" + Http.V, "{\"displayName\":\"Ops\"}").status()).isEqualTo(200);
        assertThat(admin.put("/api/dashboards/east?" + Http.V, "{\"displayName\":\"East\",\"organizations\":[\"east\"],"
                + "\"tiles\":[" + tile("all", "{\"type\":\"deviceCount\"}") + "]}").status()).isEqualTo(200);
        Http.Reply east = eastViewer.post("/api/dashboards/east/data?" + Http.V, RANGE);
        assertThat(east.json().at("/tiles/all/data/count").asLong()).isEqualTo(1); // dev-east only
        assertThat(eastViewer.post("/api/dashboards/ops/data?" + Http.V, RANGE).status()).isEqualTo(404);
    }

    @Test
    void theExplorerSplitsAGroupsAveragesByDeviceAndByPropertyValueAsSeriesAndTable() {
        for (String id : List.of("t1", "t2")) {
            Twin twin = platform.state.twins().find(DeviceId.of(id)).orElseThrow();
            ObjectNode reported = Json.object().put("firmware", id.equals("t1") ? "1.0" : "2.0");
            assertThat(platform.state.twins().compareAndSet(twin, new Twin(twin.deviceId(), twin.desired(),
                    new TwinSection(reported, Json.object(), twin.reported().version() + 1)))).isTrue();
        }
        String query = "{\"type\":\"dataExplorer\"," + THERMOSTATS.formatted("avg")
                + ",\"queryRange\":{\"type\":\"time\",\"duration\":\"PT1H\",\"resolution\":\"PT5M\"}";
        Http.Reply reply = admin.post("/api/dashboards/data?" + Http.V, "{" + RANGE.substring(1, RANGE.length() - 1)
                + ",\"tiles\":[" + tile("byDevice", query + ",\"splitBy\":\"device\"}") + ","
                + tile("byFirmware", query + ",\"splitBy\":\"property\",\"splitProperty\":\"firmware\"}") + ","
                + tile("iotc", "{\"type\":\"dataExplorer\",\"query\":\"q1\"," + TIME + "}") + "]}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        JsonNode tiles = reply.json().path("tiles");

        JsonNode byDevice = tiles.at("/byDevice/data");
        assertThat(byDevice.path("series")).extracting(s -> s.path("device").asText()).containsExactly("t1", "t2");
        // the shared range's windows (1 minute for an hour) take the place of the tile's resolution
        assertThat(byDevice.at("/series/0/points/0/1").asDouble()).isEqualTo(20.0);
        assertThat(byDevice.at("/table/columns")).extracting(JsonNode::asText)
                .containsExactly("time", "temperature (avg) t1", "temperature (avg) t2");
        assertThat(byDevice.at("/table/rows")).hasSize(10);
        assertThat(byDevice.at("/table/rows/1/0").asLong()).isEqualTo(START.plusSeconds(60).toEpochMilli());
        assertThat(byDevice.at("/table/rows/1/1").asDouble()).isEqualTo(21.0);
        assertThat(byDevice.at("/table/rows/1/2").asDouble()).isEqualTo(31.0);

        JsonNode byFirmware = tiles.at("/byFirmware/data/series");
        assertThat(byFirmware).extracting(s -> s.path("split").asText()).containsExactly("1.0", "2.0");
        assertThat(byFirmware.at("/1/points/0/1").asDouble()).isEqualTo(30.0);
        assertThat(tiles.at("/iotc/data").isNull()).isTrue();

        Http.Reply bad = admin.post("/api/dashboards/data?" + Http.V, "{\"tiles\":[" + tile("bad", query
                + ",\"splitBy\":\"property\"}") + "]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("splitProperty");
        assertThat(admin.post("/api/dashboards/data?" + Http.V, "{}").status()).isEqualTo(400);

        // a tile's own week (P1W, which java.time.Duration does not parse) with daily windows
        JsonNode week = admin.post("/api/dashboards/data?" + Http.V, "{\"tiles\":[" + tile("week",
                "{\"type\":\"dataExplorer\"," + THERMOSTATS.formatted("avg") + ",\"splitBy\":\"device\","
                + "\"queryRange\":{\"type\":\"time\",\"duration\":\"P1W\",\"resolution\":\"P1D\"}}") + "]}")
                .json().at("/tiles/week");
        assertThat(week.has("error")).as(week.toString()).isFalse();
        assertThat(week.at("/data/table/columns/0").asText()).isEqualTo("time");
    }

    @Test
    void unsavedTilesAreAnsweredAndBadRangesAreRefusedByName() {
        JsonNode answer = data(admin, "{\"duration\":\"P1D\",\"tiles\":["
                + tile("probe", "{\"type\":\"deviceCount\",\"connected\":true}") + "]}");
        assertThat(answer.path("tiles").size()).isEqualTo(1);
        assertThat(answer.at("/tiles/probe/data/count").asLong()).isZero();

        assertThat(admin.post("/api/dashboards/ops/data?" + Http.V, "{\"duration\":\"a day\"}").text())
                .contains("ISO 8601 duration");
        assertThat(admin.post("/api/dashboards/ops/data?" + Http.V, "{\"duration\":\"P31D\"}").text())
                .contains("at most 30 days");
        assertThat(admin.post("/api/dashboards/ops/data?" + Http.V, "{\"from\":\"2026-03-01T11:00:00Z\","
                + "\"to\":\"2026-03-01T10:00:00Z\"}").text()).contains("'from' must be before 'to'");
        assertThat(admin.post("/api/dashboards/ops/data?" + Http.V, "{\"tiles\":["
                + tile("bad", "{\"type\":\"kpi\"}") + "]}").status()).isEqualTo(400);
    }

    @Test
    void tilesThatShareAStatementAnswerAsEachDoesAlone() {
        List<TelemetryPoint> humidity = new ArrayList<>();
        for (int i = 20; i < 30; i++) {
            humidity.add(new TelemetryPoint(new SeriesKey(DeviceId.of("t1"), "", "humidity"),
                    START.plusSeconds(60L * i), TelemetryValue.of(40 + i)));
        }
        platform.telemetry.append(humidity);
        String both = "\"group\":\"thermostats\",\"capabilities\":[{\"capability\":\"temperature\","
                + "\"aggregateFunction\":\"count\"},{\"capability\":\"humidity\",\"aggregateFunction\":\"%s\"}]";
        List<String> tiles = List.of(
                tile("counts", "{\"type\":\"lineChart\"," + both.formatted("count") + ",\"devices\":[]," + TIME + "}"),
                tile("bars", "{\"type\":\"barChart\"," + both.formatted("avg") + ",\"devices\":[]," + TIME + "}"),
                tile("line", "{\"type\":\"lineChart\"," + THERMOSTATS.formatted("sum") + ",\"devices\":[]," + TIME + "}"),
                tile("perDevice", "{\"type\":\"lineChart\"," + both.formatted("min")
                        + ",\"devices\":[\"t1\",\"t2\"]," + TIME + "}"),
                tile("kpi", "{\"type\":\"kpi\"," + both.formatted("count") + ",\"devices\":[]," + TIME + "}"),
                tile("kpi2", "{\"type\":\"kpi\"," + both.formatted("max") + ",\"devices\":[]," + TIME + "}"));

        JsonNode together = data(admin, "{\"from\":\"2026-03-01T10:00:00Z\",\"to\":\"2026-03-01T11:00:00Z\","
                + "\"tiles\":[" + String.join(",", tiles) + "]}").path("tiles");

        assertThat(together.at("/counts/data/series")).hasSize(2);
        assertThat(together.at("/counts/data/series/0/points")).hasSize(10); // no zero counts in humidity's windows
        assertThat(together.at("/counts/data/series/1/points/0/1").asDouble()).isEqualTo(1.0);
        assertThat(together.at("/perDevice/data/series")).hasSize(3); // humidity of t1 only
        assertThat(together.at("/kpi/data/values/1/value").asDouble()).isEqualTo(10.0);
        for (String tile : tiles) {
            String id = Json.parse(tile).path("id").asText();
            JsonNode alone = data(admin, "{\"from\":\"2026-03-01T10:00:00Z\",\"to\":\"2026-03-01T11:00:00Z\","
                    + "\"tiles\":[" + tile + "]}").path("tiles").path(id);
            assertThat(together.path(id)).as(id).isEqualTo(alone);
        }
    }

    @Test
    void eventAndStateTilesListValuesNewestFirstPiesSliceTheRangeAndMapsDrawTracks() {
        List<TelemetryPoint> points = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Instant time = START.plusSeconds(600L * i);
            points.add(new TelemetryPoint(new SeriesKey(DeviceId.of("t1"), "", "door"), time,
                    TelemetryValue.of(i % 2 == 0 ? "open" : "closed")));
            points.add(new TelemetryPoint(new SeriesKey(DeviceId.of("t1"), "", "location.lat"), time,
                    TelemetryValue.of(47.0 + i)));
            points.add(new TelemetryPoint(new SeriesKey(DeviceId.of("t1"), "", "location.lon"), time,
                    TelemetryValue.of(-122.0 - i)));
        }
        points.add(new TelemetryPoint(new SeriesKey(DeviceId.of("t2"), "", "door"), START.plusSeconds(90),
                TelemetryValue.of(true)));
        platform.telemetry.append(points);
        String door = "\"group\":\"thermostats\",\"devices\":[],\"capabilities\":[{\"capability\":\"door\","
                + "\"aggregateFunction\":\"count\"}]," + TIME;
        String pie = "{\"type\":\"pieChart\",\"group\":\"thermostats\",\"devices\":[\"t1\",\"t2\"],"
                + "\"capabilities\":[{\"capability\":\"temperature\",\"aggregateFunction\":\"sum\"}]," + TIME + "}";
        JsonNode tiles = data(admin, "{" + RANGE.substring(1, RANGE.length() - 1) + ",\"tiles\":["
                + tile("events", "{\"type\":\"eventHistoryChart\"," + door + "}") + ","
                + tile("states", "{\"type\":\"stateChart\"," + door + "}") + ","
                + tile("pie", pie) + ","
                + tile("track", "{\"type\":\"mapTelemetry\",\"group\":\"thermostats\",\"devices\":[],"
                        + "\"capabilities\":[{\"capability\":\"location\",\"aggregateFunction\":\"count\"}]}")
                + "]}").path("tiles");

        JsonNode events = tiles.at("/events/data/events");
        assertThat(events).extracting(e -> e.path("device").asText() + " " + e.path("value").asText())
                .containsExactly("t1 closed", "t1 open", "t1 closed", "t2 true", "t1 open");
        assertThat(events.at("/0/time").asText()).isEqualTo("2026-03-01T10:30:00Z");
        assertThat(events.at("/0/capability").asText()).isEqualTo("door");
        assertThat(tiles.at("/states/data")).isEqualTo(tiles.at("/events/data"));

        JsonNode slices = tiles.at("/pie/data/values");
        assertThat(slices).extracting(v -> v.path("device").asText() + " " + v.path("value").asDouble())
                .containsExactly("t1 245.0", "t2 345.0");

        JsonNode track = tiles.at("/track/data/tracks");
        assertThat(track).hasSize(1);
        assertThat(track.at("/0/device").asText()).isEqualTo("t1");
        // an hour in 1-minute windows: every position, oldest first, the newest last
        assertThat(track.at("/0/points")).hasSize(4);
        assertThat(track.at("/0/points/3/0").asLong()).isEqualTo(START.plusSeconds(1800).toEpochMilli());
        assertThat(track.at("/0/points/3/1").asDouble()).isEqualTo(50.0);
        assertThat(track.at("/0/points/3/2").asDouble()).isEqualTo(-125.0);
    }

    @Test
    void theExplorerCountsStringTelemetryPerWindowAndDevice() {
        List<TelemetryPoint> doors = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            doors.add(new TelemetryPoint(new SeriesKey(DeviceId.of(i < 4 ? "t1" : "t2"), "", "door"),
                    START.plusSeconds(60L * i), TelemetryValue.of(i % 2 == 0 ? "open" : "closed")));
        }
        platform.telemetry.append(doors);
        String query = "{\"type\":\"dataExplorer\",\"group\":\"thermostats\",\"capabilities\":[{\"capability\":"
                + "\"door\",\"aggregateFunction\":\"count\"},{\"capability\":\"temperature\",\"aggregateFunction\":"
                + "\"count\"}],\"queryRange\":{\"type\":\"time\",\"duration\":\"PT1H\",\"resolution\":\"PT30M\"}";
        JsonNode tiles = data(admin, "{" + RANGE.substring(1, RANGE.length() - 1) + ",\"tiles\":["
                + tile("all", query + "}") + "," + tile("byDevice", query + ",\"splitBy\":\"device\"}") + "]}")
                .path("tiles");
        // the shared hour's 1-minute windows: a string counted like a number
        JsonNode all = tiles.at("/all/data/series");
        assertThat(all).extracting(s -> s.path("capability").asText()).containsExactly("temperature", "door");
        assertThat(all.at("/1/points")).hasSize(6);
        assertThat(all.at("/1/points/0/1").asDouble()).isEqualTo(1.0);
        JsonNode byDevice = tiles.at("/byDevice/data/series");
        assertThat(byDevice).filteredOn(s -> s.path("capability").asText().equals("door"))
                .extracting(s -> s.path("device").asText() + " " + s.path("points").size())
                .containsExactly("t1 4", "t2 2");
        assertThat(tiles.at("/byDevice/data/table/columns")).extracting(JsonNode::asText)
                .contains("door (count) t1", "door (count) t2");
    }

    @Test
    void aPropertyTileShowsReportedPropertiesAndCloudProperties() {
        Twin twin = platform.state.twins().find(DeviceId.of("t1")).orElseThrow();
        assertThat(platform.state.twins().compareAndSet(twin, new Twin(twin.deviceId(), twin.desired(),
                new TwinSection(Json.object().put("firmware", "1.0"), Json.object(), twin.reported().version() + 1))))
                .isTrue();
        platform.state.cloudProperties().put(List.of(new CloudPropertyValue(DeviceId.of("t2"), "", "site",
                Json.MAPPER.getNodeFactory().textNode("Lyon"), START)));
        JsonNode values = data(admin, "{\"tiles\":[" + tile("props", "{\"type\":\"property\",\"group\":"
                + "\"thermostats\",\"devices\":[],\"capabilities\":[{\"capability\":\"firmware\","
                + "\"aggregateFunction\":\"count\"},{\"capability\":\"site\",\"aggregateFunction\":\"count\"}]}") + "]}").at("/tiles/props/data/values");
        assertThat(values).extracting(v -> v.path("capability").asText() + " " + v.path("device").asText() + " "
                + v.path("value").asText()).containsExactly("firmware t1 1.0", "firmware t2 ", "site t1 ", "site t2 Lyon");
        assertThat(values.at("/1").has("value")).isFalse();
    }

    @Test
    void aTrackKeepsTheLastPositionOfEachWindowSoThirtyDaysAreAtMostSixtyPoints() {
        List<TelemetryPoint> points = new ArrayList<>();
        Instant end = Instant.parse("2026-03-31T10:00:00Z");
        for (int hour = 0; hour < 30 * 24; hour++) {
            Instant time = end.minusSeconds(3600L * (hour + 1));
            points.add(new TelemetryPoint(new SeriesKey(DeviceId.of("t2"), "", "location.lat"), time,
                    TelemetryValue.of(hour)));
            points.add(new TelemetryPoint(new SeriesKey(DeviceId.of("t2"), "", "location.lon"), time,
                    TelemetryValue.of(-hour)));
        }
        platform.telemetry.append(points);
        JsonNode tracks = data(admin, "{\"from\":\"2026-03-01T10:00:00Z\",\"to\":\"2026-03-31T10:00:00Z\","
                + "\"tiles\":[" + tile("map", "{\"type\":\"mapTelemetry\",\"group\":\"thermostats\","
                + "\"devices\":[],\"capabilities\":[{\"capability\":\"location\",\"aggregateFunction\":\"count\"}]}") + "]}")
                .at("/tiles/map/data/tracks");
        JsonNode track = tracks.at("/0/points");
        assertThat(track.size()).isBetween(59, 61);
        // the newest point is the last position sent (hour 0 is the newest, one hour before the end)
        assertThat(track.at("/" + (track.size() - 1) + "/1").asDouble()).isEqualTo(0.0);
        assertThat(track.at("/" + (track.size() - 1) + "/2").asDouble()).isEqualTo(-0.0);
    }
}
