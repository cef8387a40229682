package org.opencentral.uitests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.microsoft.playwright.Locator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.Json;
import org.opencentral.testkit.EmbeddedKafka;
import org.opencentral.testkit.RestClient;
import org.opencentral.testkit.WebhookSink;

/**
 * Data export in a real browser against a real node: an administrator creates a signed webhook
 * destination (a real HTTP receiver; its signing secret is then shown only as set) and a telemetry
 * export with a jq transform, tries the transform on a sample from the simulated device, saves, and
 * then sees the device's messages arrive at the receiver transformed and the sent counter and lag in
 * the list of exports; and creates a Kafka destination (a real broker, the test kit's
 * {@code EmbeddedKafka}) and an export to it whose records arrive keyed by the device; and creates
 * an Azure Blob Storage destination (its connection string then shown only as set) and a folder
 * destination with an export to it, whose files appear under the server's export directory while
 * the lists show the export and the destination healthy with messages sent.
 */
@Timeout(180)
class DataExportJourneyTest extends BrowserTest {
    private static final String PUMP = "dtmi:com:example:ui:ExportPump;1";
    private static final String TRANSFORM = "import \"iotc\" as iotc;\n"
            + "{device: .device.id, name: .device.name, flow: (.telemetry | iotc::find(.name == \"flow\").value)}";

    private static final String SIGNING_SECRET = "a-signing-secret-of-32-characters";
    private static final String TOPIC = "pump-telemetry";
    private static final String BLOB_CONNECTION = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
            + "AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;";

    private static RestClient rest;
    private static WebhookSink sink;

    @BeforeAll
    static void simulatedPump() {
        rest = platform.rest();
        sink = new WebhookSink();
        publishTemplate(PUMP, "Export pump", FLOW);
        rest.put("/devices/pump-x", Map.of("displayName", "Export pump", "template", PUMP, "simulated", true,
                "simulationInterval", "PT1S")).ok();
        await().atMost(Duration.ofSeconds(30)).until(() -> rest.get("/devices/pump-x/telemetry").ok()
                .path("value").size() > 0);
    }

    @AfterAll
    static void closeSink() {
        sink.close();
    }

    @Test
    void anAdministratorExportsTransformedTelemetryToAWebhookAndWatchesItFlow() {
        try (BrowserWindow window = session.signedIn(platform.http())) {
            DestinationsPage destinations = DestinationsPage.open(window.page())
                    .createWebhook("sink", "Sink", sink.url(), SIGNING_SECRET);
            Locator signing = destinations.secret("sink", "Signing secret (optional)");
            assertThat(signing).hasValue("");
            assertThat(signing).hasAccessibleDescription(Pattern.compile("^Set: leave empty to keep it\\."));
            assertThat(rest.get("/dataExport/destinations/sink").ok()
                    .path("signingSecret").asText()).isEqualTo("********");

            ExportEditorPage editor = ExportEditorPage.create(ExportsPage.open(window.page()));
            editor.identify("flows", "Pump flows", "Telemetry");
            editor.condition(1, "Simulated", "equals", "true");
            assertThat(editor.filterText()).hasValue("SELECT * FROM devices WHERE $simulated = true");
            editor.sendTo(1, "Sink", TRANSFORM);
            Locator outputs = editor.tryTransform(1);
            assertThat(outputs).containsText("\"device\": \"pump-x\"");
            assertThat(outputs).containsText("\"name\": \"Export pump\"");
            assertThat(Axe.seriousViolations(window.page())).isEmpty();
            window.shot("60-export-try-transform");

            ExportsPage exports = editor.save();
            await().atMost(Duration.ofSeconds(30)).until(() -> sink.received().size() >= 2);
            List<JsonNode> received = sink.received();
            assertThat(received).allSatisfy(message -> {
                assertThat(message.path("device").asText()).isEqualTo("pump-x");
                assertThat(message.path("name").asText()).isEqualTo("Export pump");
                assertThat(message.path("flow").isNumber()).isTrue();
                assertThat(message.size()).as("only the transform's members").isEqualTo(3);
            });
            assertThat(exports.status("flows")).containsText("healthy");
            assertThat(exports.sent("flows")).hasText(Pattern.compile("[1-9][0-9]*"));
            assertThat(exports.failed("flows")).hasText("0");
            assertThat(exports.lag("flows")).hasText(Pattern.compile("\\d+ events · \\d+ s"));
            window.shot("61-export-list");
        }
    }

    @Test
    void anAdministratorExportsTelemetryToKafkaAndTheRecordsArriveKeyedByDevice(@TempDir Path directory) {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(directory.resolve("kafka"));
                BrowserWindow window = session.signedIn(platform.http())) {
            DestinationsPage destinations = DestinationsPage.open(window.page())
                    .createKafka("stream", "Stream", kafka.bootstrapServers(), TOPIC);
            assertThat(destinations.secret("stream", "SASL/PLAIN password")).hasAccessibleDescription("Not set.");
            assertThat(Axe.seriousViolations(window.page())).isEmpty();
            window.shot("62-kafka-destination");

            ExportEditorPage editor = ExportEditorPage.create(ExportsPage.open(window.page()));
            editor.identify("to-kafka", "Pump to Kafka", "Telemetry");
            editor.sendTo(1, "Stream", "");
            ExportsPage exports = editor.save();
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> kafka.records(TOPIC).size() >= 2);
            assertThat(kafka.records(TOPIC)).allSatisfy(record -> {
                assertThat(record.key()).isEqualTo("pump-x");
                assertThat(new String(record.headers().lastHeader("iotcentral-device-id").value(),
                        StandardCharsets.UTF_8)).isEqualTo("pump-x");
                JsonNode message = Json.parse(record.value());
                assertThat(message.path("deviceId").asText()).isEqualTo("pump-x");
                assertThat(message.path("telemetry").path("flow").isNumber()).isTrue();
            });
            assertThat(exports.status("to-kafka")).containsText("healthy");
        }
    }

    @Test
    void anAdministratorExportsTelemetryToAFolderAndSeesItsFilesAndHealth() throws Exception {
        try (BrowserWindow window = session.signedIn(platform.http())) {
            DestinationsPage destinations = DestinationsPage.open(window.page())
                    .createBlobStorage("archive", "Archive", BLOB_CONNECTION, "telemetry-archive")
                    .createFolder("local", "Local files", "pump/telemetry");
            assertThat(destinations.secret("archive", "Connection string"))
                    .hasAccessibleDescription(Pattern.compile("^Set: leave empty to keep it\\."));
            assertThat(rest.get("/dataExport/destinations/archive").ok().path("authorization")
                    .path("connectionString").asText()).isEqualTo("********");
            assertThat(Axe.seriousViolations(window.page())).isEmpty();
            window.shot("63-folder-destination");

            ExportEditorPage editor = ExportEditorPage.create(ExportsPage.open(window.page()));
            editor.identify("to-folder", "Pump to files", "Telemetry");
            editor.sendTo(1, "Local files", "");
            ExportsPage exports = editor.save();
            Path folder = platform.dataDir().resolve("exports").resolve("pump/telemetry");
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> exportedLines(folder).size() >= 2);
            assertThat(exportedLines(folder)).allSatisfy(line -> {
                JsonNode message = Json.parse(line.getBytes(StandardCharsets.UTF_8));
                assertThat(message.path("deviceId").asText()).isEqualTo("pump-x");
                assertThat(message.path("telemetry").path("flow").isNumber()).isTrue();
            });
            assertThat(exports.status("to-folder")).containsText("healthy");
            assertThat(exports.sent("to-folder")).hasText(Pattern.compile("[1-9][0-9]*"));
            assertThat(exports.failed("to-folder")).hasText("0");
            DestinationsPage listed = DestinationsPage.open(window.page());
            assertThat(listed.destination("Local files")).containsText("Folder on the server");
            assertThat(listed.destination("Local files")).containsText("healthy");
            window.shot("64-folder-export");
        }
    }

    /** The lines of every file under {@code folder} (the export's per-minute files). */
    private static List<String> exportedLines(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            List<String> lines = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                lines.addAll(Files.readAllLines(file));
            }
            return lines;
        }
    }
}
