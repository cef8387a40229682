package org.opencentral.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.opencentral.core.export.DestinationJson;
import org.opencentral.core.export.SecretSlots;
import org.opencentral.platform.security.BuiltInRole;

/**
 * The data export API (IoT Central's 2022-10-31-preview): every route's answers, successes and errors,
 * validated against the preview document's data export operations (copied into the test resources),
 * and the stories users depend on: secrets never answered, unsupported destination types refused,
 * filters checked, a destination in use kept, every change audited.
 */
@Timeout(120)
class DataExportApiTest extends PlatformApiTest {
    static final String PREVIEW = "api-version=2022-10-31-preview";
    /** An export's destination list answers each destination with the export's transform for it. */
    static final Map<String, Set<String>> EXTENSIONS = Map.of("WebhookV1Destination", Set.of("transform"));
    static final String WEBHOOK = """
            {"displayName":"Hook","type":"webhook@v1","url":"https://example.com/hook",
             "queryCustomizations":{"code":{"value":"query-secret","secret":true},"plain":{"value":"p"}},
             "headerCustomizations":{"X-Key":{"value":"header-secret","secret":true}},
             "authorization":{"type":"header","value":"Bearer auth-secret"}}""";
    static final String EVENT_HUBS = """
            {"displayName":"Hub","type":"eventhubs@v1","authorization":{"type":"connectionString",
             "connectionString":"Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=send;\
            SharedAccessKey=hub-secret;EntityPath=telemetry"}}""";
    static final String EXPORT = """
            {"displayName":"Hot devices","enabled":true,"source":"telemetry",
             "filter":"SELECT * FROM dtmi:contoso:Thermostat;1 WHERE temperature > 30",
             "enrichments":{"site":{"value":"north"},"name":{"path":"$displayName"}},
             "destinations":[{"id":"hook","transform":"{ id: .device.id }"}]}""";

    final SpecResponses spec = new SpecResponses(preview(), EXTENSIONS);
    final List<String> problems = new ArrayList<>();
    final Set<String> covered = new TreeSet<>();

    @Test
    void everyDataExportRouteAnswersAsThePreviewDocumentSays() {
        call("PUT", "/destinations/{destinationId}", "hook", WEBHOOK, 200);
        call("PUT", "/destinations/{destinationId}", "bus", "{\"displayName\":\"Bus\",\"type\":\"servicebusqueue@v1\","
                + "\"authorization\":{\"type\":\"connectionString\",\"connectionString\":\"Endpoint=sb://x\"}}", 400);
        call("PUT", "/destinations/{destinationId}", "hub", EVENT_HUBS, 200);
        call("GET", "/destinations/{destinationId}", "hook", null, 200);
        call("GET", "/destinations/{destinationId}", "missing", null, 404);
        call("PATCH", "/destinations/{destinationId}", "hook", "{\"displayName\":\"Hook 2\"}", 200);
        call("PATCH", "/destinations/{destinationId}", "hook", "{\"url\":\"ftp://example.com\"}", 400);
        call("GET", "/destinations", null, null, 200);
        call("PUT", "/exports/{exportId}", "hot", EXPORT, 200);
        call("PUT", "/exports/{exportId}", "bad", EXPORT.replace("WHERE temperature", "WHERE WHERE"), 400);
        call("GET", "/exports/{exportId}", "hot", null, 200);
        call("GET", "/exports/{exportId}", "missing", null, 404);
        call("PATCH", "/exports/{exportId}", "hot", "{\"enabled\":false}", 200);
        call("PATCH", "/exports/{exportId}", "hot", "{\"source\":\"everything\"}", 400);
        call("GET", "/exports", null, null, 200);
        call("GET", "/exports/{exportId}/destinations", "hot", null, 200);
        call("GET", "/exports/{exportId}/destinations", "missing", null, 404);
        call("GET", "/destinations/{destinationId}/exports", "hook", null, 200);
        call("GET", "/destinations/{destinationId}/exports", "missing", null, 404);
        call("DELETE", "/destinations/{destinationId}", "hook", null, 409);
        call("DELETE", "/exports/{exportId}", "hot", null, 204);
        call("DELETE", "/exports/{exportId}", "hot", null, 404);
        call("DELETE", "/destinations/{destinationId}", "hook", null, 204);
        call("DELETE", "/destinations/{destinationId}", "hook", null, 404);

        assertThat(problems).as("answers that differ from the case or the preview document").isEmpty();
        Set<String> routes = new TreeSet<>();
        platform.server.routes().stream().filter(r -> r.path().startsWith("/api/dataExport/"))
                .filter(r -> !org.opencentral.api.exports.ExportRoutes.OWN.contains(r.path()))
                .forEach(r -> routes.add(r.method().name() + " " + r.path().substring("/api".length())));
        assertThat(covered).isEqualTo(routes);
        routes.forEach(r -> assertThat(spec.has(r.substring(0, r.indexOf(' ')), r.substring(r.indexOf(' ') + 1)))
                .as(r).isTrue());
    }

    @Test
    void secretsAreNeverAnsweredAndAMaskSentBackKeepsThem() {
        JsonNode created = admin.put(path("/destinations/hook"), WEBHOOK).json();
        assertThat(created.toString()).doesNotContain("query-secret", "header-secret", "auth-secret")
                .contains("\"plain\":{\"value\":\"p\"}");
        assertThat(created.at("/authorization/value").asText()).isEqualTo("********");

        ObjectNode edited = (ObjectNode) admin.get(path("/destinations/hook")).json();
        edited.put("url", "https://example.com/other");
        assertThat(admin.put(path("/destinations/hook"), edited.toString()).status()).isEqualTo(200);
        assertThat(platform.state.exports().findDestination("hook").orElseThrow().toString())
                .contains("query-secret", "header-secret", "Bearer auth-secret", "https://example.com/other");

        Http.Reply unknown = admin.put(path("/destinations/fresh"), edited.toString());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text()).contains("mask", "send its value");
        JsonNode audit = admin.get("/api/auditLogs?" + Http.V).json();
        assertThat(audit.toString()).contains("/api/dataExport/destinations/hook")
                .doesNotContain("query-secret", "header-secret", "auth-secret");
    }

    @Test
    void destinationTypesOpenCentralCannotServeAreRefusedByName() {
        for (String type : List.of("servicebusqueue@v1", "servicebustopic@v1", "dataexplorer@v1")) {
            Http.Reply reply = admin.put(path("/destinations/d"), "{\"displayName\":\"D\",\"type\":\"" + type + "\"}");
            assertThat(reply.status()).as(type).isEqualTo(400);
            assertThat(reply.json().at("/error/message").asText()).as(type).contains(type, "not supported");
        }
        assertThat(admin.get(path("/destinations")).json().path("value")).isEmpty();
    }

    @Test
    void eventHubsKafkaPostgresqlBlobFolderAndSignedWebhookDestinationsMaskTheirSecretsAndCheckTheirMembers() {
        Map<String, String> destinations = Map.of(
                "hub", EVENT_HUBS,
                "kafka", """
                        {"displayName":"Kafka","type":"kafka@v1","bootstrapServers":["kafka.example.com:9093"],
                         "topic":"iot.telemetry","tls":true,
                         "authorization":{"type":"saslPlain","username":"iot","password":"kafka-secret"}}""",
                "table", """
                        {"displayName":"Table","type":"postgresql@v1","url":"jdbc:postgresql://db.example.com/iot",
                         "username":"iot","password":"table-secret","table":"exports.telemetry"}""",
                "blob", """
                        {"displayName":"Blob","type":"blobstorage@v1","authorization":{"type":"connectionString",
                         "connectionString":"AccountName=iot;AccountKey=blob-secret","containerName":"central-data"}}""",
                "folder", """
                        {"displayName":"Folder","type":"folder@v1","path":"telemetry/raw"}""",
                "signed", WEBHOOK.replace("\"url\"", "\"signingSecret\":\"signing-secret-0123\",\"url\""));
        destinations.forEach((id, body) -> {
            Http.Reply created = admin.put(path("/destinations/" + id), body);
            assertThat(created.status()).as(created.text()).isEqualTo(200);
            ObjectNode edited = (ObjectNode) admin.get(path("/destinations/" + id)).json();
            assertThat(edited.toString()).as(id).contains(id.equals("folder") ? "telemetry/raw" : "********")
                    .doesNotContain("hub-secret", "kafka-secret", "table-secret", "blob-secret", "signing-secret");
            edited.put("displayName", "Edited " + id);
            assertThat(admin.put(path("/destinations/" + id), edited.toString()).status()).isEqualTo(200);
            assertThat(DestinationJson.write(platform.state.exports().findDestination(id).orElseThrow(),
                    SecretSlots.PLAIN).toString()).as("the mask sent back keeps the stored secret")
                    .containsAnyOf("hub-secret", "kafka-secret", "table-secret", "blob-secret", "telemetry/raw",
                            "signing-secret-0123");
        });
        assertThat(admin.get("/api/auditLogs?" + Http.V).json().toString())
                .doesNotContain("hub-secret", "kafka-secret", "table-secret", "blob-secret", "signing-secret");

        Map<String, String> refused = Map.ofEntries(
                Map.entry(EVENT_HUBS.replace(";EntityPath=telemetry", ""), "needs 'EntityPath'"),
                Map.entry(EVENT_HUBS.replace("\"type\":\"connectionString\"",
                        "\"type\":\"systemAssignedManagedIdentity\""), "not supported"),
                Map.entry(destinations.get("blob").replace("\"type\":\"connectionString\"",
                        "\"type\":\"systemAssignedManagedIdentity\""), "no managed identity"),
                Map.entry(destinations.get("blob").replace("central-data", "Central_Data"), "'containerName'"),
                Map.entry(destinations.get("folder").replace("telemetry/raw", "../etc"), "'..' segments"),
                Map.entry(destinations.get("folder").replace("telemetry/raw", "/etc"), "relative path"),
                Map.entry(destinations.get("table").replace("exports.telemetry", "x; DROP TABLE y"),
                        "'table' must be an identifier"),
                Map.entry(destinations.get("kafka").replace("kafka.example.com:9093", "kafka.example.com"),
                        "is not host:port"),
                Map.entry(destinations.get("kafka").replace("\"tls\":true", "\"tls\":true,\"acks\":0"),
                        "unknown member 'acks'"),
                Map.entry(WEBHOOK.replace("\"url\"", "\"signingSecret\":\"short\",\"url\""), "16 to 256 characters"));
        refused.forEach((body, message) -> {
            Http.Reply reply = admin.put(path("/destinations/bad"), body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.json().at("/error/message").asText()).as(body).contains(message);
        });
    }

    @Test
    void aWebhookBatchSizeIsKeptAndAnsweredOnlyWhenAboveOneAndABadOneIsA400() {
        Http.Reply batched = admin.put(path("/destinations/batched"),
                WEBHOOK.replace("\"url\"", "\"batchSize\":100,\"url\""));
        assertThat(batched.status()).as(batched.text()).isEqualTo(200);
        assertThat(admin.get(path("/destinations/batched")).json().path("batchSize").asInt()).isEqualTo(100);
        assertThat(admin.put(path("/destinations/single"), WEBHOOK).status()).isEqualTo(200);
        assertThat(admin.get(path("/destinations/single")).json().has("batchSize")).isFalse();

        Map<String, String> refused = Map.of(
                WEBHOOK.replace("\"url\"", "\"batchSize\":0,\"url\""), "'batchSize' is 1 to 1000",
                WEBHOOK.replace("\"url\"", "\"batchSize\":1001,\"url\""), "'batchSize' is 1 to 1000",
                WEBHOOK.replace("\"url\"", "\"batchSize\":\"many\",\"url\""), "'batchSize' must be an integer");
        refused.forEach((body, message) -> {
            Http.Reply reply = admin.put(path("/destinations/bad"), body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.json().at("/error/message").asText()).as(body).contains(message);
        });
    }

    @Test
    void exportsNameExistingDestinationsAndKeepTheirOrderAndTransforms() {
        admin.put(path("/destinations/a"), WEBHOOK);
        admin.put(path("/destinations/b"), WEBHOOK);
        String twoDestinations = EXPORT.replace("[{\"id\":\"hook\",\"transform\":\"{ id: .device.id }\"}]",
                "[{\"id\":\"b\"},{\"id\":\"a\",\"transform\":\".telemetry\"}]");

        Http.Reply none = admin.put(path("/exports/idle"), "{\"displayName\":\"Idle\",\"enabled\":false,"
                + "\"source\":\"audit\",\"destinations\":[]}");
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.json().path("destinations")).isEmpty();
        assertThat(admin.put(path("/exports/idle"), "{\"displayName\":\"Idle\",\"enabled\":\"yes\","
                + "\"source\":\"audit\",\"destinations\":[]}").json().at("/error/message").asText())
                .contains("'enabled'");

        Http.Reply missing = admin.put(path("/exports/e"), EXPORT);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text()).contains("destination 'hook' does not exist");
        JsonNode saved = admin.put(path("/exports/e"), twoDestinations).json();
        assertThat(saved.path("destinations").toString())
                .isEqualTo("[{\"id\":\"b\"},{\"id\":\"a\",\"transform\":\".telemetry\"}]");
        // The platform's export runner is running: a new export is starting until its pipes exist.
        assertThat(saved.path("status").asText()).isIn("starting", "healthy");
        assertThat(ids(admin.get(path("/exports/e/destinations")).json()))
                .containsExactly("b", "a");
        JsonNode patched = admin.patch(path("/exports/e"), "{\"enabled\":false,\"filter\":null}").json();
        assertThat(patched.path("status").asText()).isEqualTo("disabled");
        assertThat(patched.has("filter")).isFalse();
        assertThat(patched.path("enrichments").path("site").path("value").asText()).isEqualTo("north");
    }

    @Test
    void filtersAreCheckedByTheQueryLanguageParser() {
        admin.put(path("/destinations/hook"), WEBHOOK);
        String devices = "SELECT * FROM devices WHERE $displayName != \"x\"";
        ObjectNode export = (ObjectNode) Json.parse(EXPORT);
        export.put("filter", devices);
        assertThat(admin.put(path("/exports/e"), export.toString()).status()).isEqualTo(200);
        assertThat(platform.state.exports().findExport("e").orElseThrow().filter()).contains(devices);

        Http.Reply bad = admin.patch(path("/exports/e"), "{\"filter\":\"SELECT * FROM\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/error/message").asText()).startsWith("invalid export filter: at 1:");
    }

    @Test
    void aTransformIsCompiledWhenTheExportIsSavedAndAnErrorNamesItsDestinationAndPosition() {
        admin.put(path("/destinations/hook"), WEBHOOK);
        Http.Reply bad = admin.put(path("/exports/e"), EXPORT.replace("{ id: .device.id }", "{ id: .device.id"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/error/code").asText()).isEqualTo("InvalidTransform");
        assertThat(bad.json().at("/error/message").asText()).startsWith("transform of destination 'hook': ")
                .contains("line 1, column");
        assertThat(platform.state.exports().findExport("e")).isEmpty();
    }

    @Test
    void tryingATransformAnswersItsInputAndOutputsAndChangesNothing() {
        Http.Reply synthetic = tryTransform("{\"source\":\"telemetry\",\"transform\":"
                + "\"import \\\"iotc\\\" as iotc; {id: .device.id, t: (.telemetry | iotc::find(.name == \\\"temperature\\\").value)}\"}");
        assertThat(synthetic.status()).as(synthetic.text()).isEqualTo(200);
        assertThat(synthetic.json().at("/input/device/id").asText()).isEqualTo("sample-device");
        assertThat(synthetic.json().path("outputs").toString()).isEqualTo("[{\"id\":\"sample-device\",\"t\":21.5}]");

        admin.put("/api/devices/pump-1?api-version=2022-07-31", "{\"displayName\":\"Pump one\"}");
        JsonNode real = tryTransform("{\"source\":\"deviceConnectivity\",\"transform\":"
                + "\"{name: .device.name, type: .messageType}, {again: true}\"}").json();
        assertThat(real.path("outputs").toString())
                .isEqualTo("[{\"name\":\"Pump one\",\"type\":\"connected\"},{\"again\":true}]");

        JsonNode given = tryTransform("{\"source\":\"telemetry\",\"transform\":\".telemetry[]\","
                + "\"message\":{\"deviceId\":\"pump-1\",\"telemetry\":{\"flow\":3}}}").json();
        assertThat(given.path("outputs").toString()).isEqualTo("[{\"name\":\"flow\",\"value\":3}]");
        assertThat(given.at("/input/device/name").asText()).isEqualTo("Pump one");

        Http.Reply invalid = tryTransform("{\"source\":\"telemetry\",\"transform\":\"{a: \"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().at("/error/code").asText()).isEqualTo("InvalidTransform");
        assertThat(invalid.json().at("/error/message").asText()).contains("line 1");
        assertThat(tryTransform("{\"source\":\"weather\",\"transform\":\".\"}").text()).contains("'weather'");
        Http operator = new Http(platform.port, platform.token("operator", BuiltInRole.APP_OPERATOR));
        assertThat(operator.send("POST", "/api/dataExport/transforms/try?" + PREVIEW, "{\"source\":\"audit\",\"transform\":\".\"}",
                null).status()).isEqualTo(403);
        assertThat(platform.state.exports().listExports(java.util.Optional.empty(), 10).items()).isEmpty();
    }

    private Http.Reply tryTransform(String body) {
        return admin.send("POST", "/api/dataExport/transforms/try?" + PREVIEW, body, null);
    }

    @Test
    void listsArePagedWithNextLink() {
        admin.put(path("/destinations/hook"), WEBHOOK);
        for (String id : List.of("e3", "e1", "e2")) {
            admin.put(path("/exports/" + id), EXPORT);
        }
        JsonNode first = admin.get(path("/exports") + "&maxpagesize=2").json();
        assertThat(ids(first)).containsExactly("e1", "e2");
        JsonNode second = admin.get(first.path("nextLink").asText()).json();
        assertThat(ids(second)).containsExactly("e3");
        assertThat(second.has("nextLink")).isFalse();
        assertThat(admin.get(path("/destinations/hook/exports") + "&maxpagesize=1").json().has("nextLink")).isTrue();
        assertThat(admin.get(path("/exports") + "&$filter=x").status()).isEqualTo(400);
    }

    private void call(String method, String specPath, String id, String body, int status) {
        String path = specPath.replace("{destinationId}", id == null ? "" : id).replace("{exportId}",
                id == null ? "" : id);
        Http.Reply reply = admin.send(method, "/api/dataExport" + path + "?" + PREVIEW, body, null);
        String what = method + " " + path + " -> " + reply.status();
        if (reply.status() != status) {
            problems.add(what + ": expected " + status + ", body " + reply.text());
        }
        spec.check(method, "/dataExport" + specPath, reply.status(), reply::header, reply.text())
                .forEach(p -> problems.add(what + ": " + p));
        covered.add(method + " /dataExport" + specPath);
    }

    private static List<String> ids(JsonNode collection) {
        List<String> ids = new ArrayList<>();
        collection.path("value").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    private static String path(String path) {
        return "/api/dataExport" + path + "?" + PREVIEW;
    }

    private static JsonNode preview() {
        try (InputStream in = DataExportApiTest.class.getResourceAsStream(
                "/openapi/iotcentral-2022-10-31-preview-dataexport.json")) {
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
