package org.opencentral.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.telemetry.SeriesKey;
import org.opencentral.core.telemetry.TelemetryPoint;
import org.opencentral.core.telemetry.TelemetryValue;
import org.opencentral.platform.security.BuiltInRole;

/** {@code POST /api/query} over real HTTP, a real state store and a real DuckDB telemetry store. */
@Timeout(60)
class QueryApiTest extends PlatformApiTest {
    private static final String TEMPLATE = "dtmi:contoso:Thermostat;1";
    private static final String PREVIEW = "api-version=2022-10-31-preview";
    private static final Instant START = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS);

    @BeforeEach
    void devicesWithTelemetry() {
        assertThat(admin.put("/api/deviceTemplates/" + TEMPLATE.replace(";", "%3B") + "?" + Http.V, template()).status())
                .isEqualTo(200);
        for (String id : List.of("q1", "q2")) {
            assertThat(admin.put("/api/devices/" + id + "?" + Http.V, "{\"template\":\"" + TEMPLATE + "\"}").status())
                    .isEqualTo(200);
        }
        assertThat(admin.put("/api/devices/other?" + Http.V, "{}").status()).isEqualTo(200);
        List<TelemetryPoint> points = new ArrayList<>();
        for (String id : List.of("q1", "q2", "other")) {
            for (int i = 0; i < 10; i++) {
                points.add(new TelemetryPoint(new SeriesKey(DeviceId.of(id), "", "temperature"),
                        START.plusSeconds(60L * i), TelemetryValue.of(id.equals("q1") ? 20 + i : 30 + i)));
            }
        }
        platform.telemetry.append(points);
    }

    @Test
    void telemetryRowsComeInIotCentralsShape() {
        JsonNode results = query("SELECT TOP 3 $id, $ts, temperature AS t FROM " + TEMPLATE
                + " WHERE WITHIN_WINDOW(P1D) ORDER BY $ts DESC, $id");

        assertThat(results).hasSize(3);
        assertThat(results.get(0)).isEqualTo(Json.parse("{\"$id\":\"q1\",\"$ts\":\"" + START.plusSeconds(540)
                + "\",\"t\":29}"));
        assertThat(results.get(1).path("$id").asText()).isEqualTo("q2");
        assertThat(results.get(1).path("t").asInt()).isEqualTo(39);
    }

    @Test
    void aggregatesPerDeviceAndWindow() {
        JsonNode perDevice = query("SELECT $id, AVG(temperature), COUNT(temperature) FROM " + TEMPLATE);
        assertThat(perDevice).isEqualTo(Json.parse("[{\"$id\":\"q1\",\"avg_temperature\":24.5,\"count_temperature\":10},"
                + "{\"$id\":\"q2\",\"avg_temperature\":34.5,\"count_temperature\":10}]"));

        JsonNode windows = query("SELECT MAX(temperature) FROM " + TEMPLATE
                + " WHERE WITHIN_WINDOW(PT2H) AND $id = 'q1' GROUP BY WINDOW(PT5M)");
        assertThat(windows).hasSize(2);
        assertThat(windows.get(0).path("$ts").asText()).isEqualTo(START.toString());
        assertThat(windows.get(0).path("max_temperature").asInt()).isEqualTo(24);
    }

    @Test
    void propertyQueriesReadReportedAndCloudProperties() {
        platform.twins.patchReported(DeviceId.of("q1"), Json.parseObject("{\"target\":21.5}"));
        assertThat(admin.patch("/api/devices/q1/properties?" + Http.V, "{\"customerName\":\"Contoso\"}").status())
                .isEqualTo(202);

        JsonNode results = query("SELECT $id, target, customerName FROM " + TEMPLATE
                + " WHERE customerName = 'Contoso' OR $id = 'q2'");

        assertThat(results).isEqualTo(Json.parse(
                "[{\"$id\":\"q1\",\"target\":21.5,\"customerName\":\"Contoso\"},{\"$id\":\"q2\"}]"));
    }

    @Test
    void callersSeeOnlyTheDevicesOfTheirOrganizations() {
        assertThat(admin.put("/api/organizations/east?" + Http.V, "{\"displayName\":\"East\"}").status()).isEqualTo(200);
        assertThat(admin.patch("/api/devices/q2?" + Http.V, "{\"organizations\":[\"east\"]}").status()).isEqualTo(200);
        Http east = admin.as(platform.token("east-viewer", BuiltInRole.ORG_VIEWER.id(), "east"));

        Http.Reply reply = east.post("/api/query?" + PREVIEW, body("SELECT $id, COUNT(temperature) FROM " + TEMPLATE));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("results")).isEqualTo(Json.parse("[{\"$id\":\"q2\",\"count_temperature\":10}]"));
        assertThat(query("SELECT $id FROM " + TEMPLATE)).hasSize(2);
    }

    @Test
    void badQueriesAre400WithThePosition() {
        Http.Reply bad = admin.post("/api/query?" + PREVIEW, "{\"query\":\"SELECT temperature FROM\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/error/message").asText()).startsWith("at 1:");

        Http.Reply stable = admin.post("/api/query?" + Http.V, body("SELECT $id FROM " + TEMPLATE));
        assertThat(stable.status()).isEqualTo(400);
    }

    @Test
    void injectionAttemptsAreInert() {
        assertThat(query("SELECT $id, $ts, temperature FROM " + TEMPLATE + " WHERE $id = 'q1'' OR ''1''=''1'"))
                .isEmpty();
        assertThat(query("SELECT $id FROM " + TEMPLATE + " WHERE $displayName = 'x''); DROP TABLE devices; --'"))
                .isEmpty();
        assertThat(query("SELECT $id FROM " + TEMPLATE)).hasSize(2);
    }

    @Test
    void membersOfObjectTelemetryAndPropertiesAreAddressable() {
        List<TelemetryPoint> members = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            members.add(new TelemetryPoint(new SeriesKey(DeviceId.of("q1"), "", "accelerometer.x"),
                    START.plusSeconds(60L * i), TelemetryValue.of(i - 1.5)));
        }
        platform.telemetry.append(members);
        platform.twins.patchReported(DeviceId.of("q1"), Json.parseObject("{\"config\":{\"interval\":5,\"mode\":\"fast\"}}"));
        platform.twins.patchReported(DeviceId.of("q2"), Json.parseObject("{\"config\":{\"interval\":9,\"mode\":\"eco\"}}"));

        assertThat(query("SELECT $id, config.interval FROM " + TEMPLATE + " WHERE config.mode = 'fast'"))
                .isEqualTo(Json.parse("[{\"$id\":\"q1\",\"config.interval\":5}]"));
        assertThat(query("SELECT $id, MAX(accelerometer.x) AS m, COUNT(accelerometer.x) FROM " + TEMPLATE))
                .isEqualTo(Json.parse("[{\"$id\":\"q1\",\"m\":1.5,\"count_accelerometer.x\":4}]"));
        assertThat(query("SELECT $id, $ts, accelerometer.x FROM " + TEMPLATE + " WHERE accelerometer.x < 0"))
                .hasSize(2).allSatisfy(row -> assertThat(row.path("accelerometer.x").asDouble()).isNegative());

        Http.Reply unknown = admin.post("/api/query?" + PREVIEW, body("SELECT accelerometer.z FROM " + TEMPLATE));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/error/message").asText())
                .isEqualTo("at 1:8: unknown member 'z' of 'accelerometer' (an Object): it has x, y");
    }

    private JsonNode query(String text) {
        Http.Reply reply = admin.post("/api/query?" + PREVIEW, body(text));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json().path("results");
    }

    private static String body(String text) {
        return Json.write(Json.object().put("query", text));
    }

    private static String template() {
        return "{\"@type\":[\"ModelDefinition\",\"DeviceModel\"],\"displayName\":\"Thermostat\","
                + "\"capabilityModel\":{\"@id\":\"dtmi:contoso:cm:Thermostat;1\",\"@type\":\"Interface\",\"contents\":["
                + "{\"@type\":[\"Property\",\"Cloud\"],\"name\":\"customerName\",\"schema\":\"string\"},"
                + "{\"@type\":\"Telemetry\",\"name\":\"temperature\",\"schema\":\"double\"},"
                + "{\"@type\":\"Property\",\"name\":\"target\",\"schema\":\"double\",\"writable\":true},"
                + "{\"@type\":\"Property\",\"name\":\"config\",\"schema\":{\"@type\":\"Object\",\"fields\":["
                + "{\"name\":\"interval\",\"schema\":\"integer\"},{\"name\":\"mode\",\"schema\":\"string\"}]}},"
                + "{\"@type\":\"Telemetry\",\"name\":\"accelerometer\",\"schema\":{\"@type\":\"Object\",\"fields\":["
                + "{\"name\":\"x\",\"schema\":\"double\"},{\"name\":\"y\",\"schema\":\"double\"}]}}]}}";
    }
}
