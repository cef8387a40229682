package org.opencentral.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opencentral.it.ExportDevices.range;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.Json;
import org.opencentral.testkit.Azurite;
import org.opencentral.testkit.RestClient;
import org.opencentral.testkit.TestDevice;
import org.opencentral.testkit.TestPlatform;

/**
 * {@code blobstorage@v1} exports on the running server to Azurite, and {@code folder@v1} exports to
 * the data directory: real MQTT devices' telemetry lands in IoT Central's layout
 * ({@code {applicationId}/0/{yyyy}/{MM}/{dd}/{HH}/{mm}/{exportId}.json}, the minute of each
 * message's {@code enqueuedTime}) as JSON lines, every message once, in order per device; with
 * Azurite stopped under load and started again, every message arrives (duplicates allowed, first
 * arrivals in order per device).
 */
@Timeout(300)
class BlobExportTest {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy/MM/dd/HH/mm")
            .withZone(ZoneOffset.UTC);
    private static final String CONTAINER = "central-data";

    @TempDir
    Path directory;
    private Azurite azurite;
    private TestPlatform platform;
    private RestClient rest;

    @BeforeEach
    void start() {
        azurite = Azurite.start(directory.resolve("azurite"));
        platform = TestPlatform.start();
        rest = platform.rest();
    }

    @AfterEach
    void stop() {
        if (platform != null) {
            platform.close();
        }
        azurite.close();
    }

    private void export(String destination, Map<String, Object> definition) {
        rest.put("/dataExport/destinations/" + destination, definition).ok();
        rest.put("/dataExport/exports/tel", Map.of("displayName", "Telemetry", "enabled", true,
                "source", "telemetry", "destinations", List.of(Map.of("id", destination)))).ok();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                rest.get("/dataExport/exports/tel").ok().path("status").asText()).isEqualTo("healthy"));
    }

    private void exportToBlobs() {
        export("blob", Map.of("displayName", "Blob", "type", "blobstorage@v1", "authorization",
                Map.of("type", "connectionString", "connectionString", azurite.connectionString(),
                        "containerName", CONTAINER)));
    }

    @Test
    void mqttDevicesTelemetryLandsInIotCentralsLayoutAsJsonLinesEveryMessageOnce() {
        exportToBlobs();
        List<TestDevice> devices = ExportDevices.connect(platform, "blob", 3);
        try {
            ExportDevices.send(devices, 0, 20);
        } finally {
            devices.forEach(TestDevice::close);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> messages(blobs()).size() >= 60);
        Map<String, String> files = blobs();
        assertLayout(files);
        assertThat(messages(files)).hasSize(60);
        assertThat(sequences(files)).hasSize(3)
                .allSatisfy((device, sent) -> assertThat(sent).containsExactlyElementsOf(range(0, 20)));
    }

    @Test
    void withAzuriteStoppedUnderLoadAndStartedAgainEveryMessageArrivesInOrderPerDevice() {
        exportToBlobs();
        List<TestDevice> devices = ExportDevices.connect(platform, "blob", 4);
        try {
            ExportDevices.send(devices, 0, 50);
            await().atMost(Duration.ofSeconds(60)).until(() -> messages(blobs()).size() >= 200);

            azurite.stop();
            ExportDevices.send(devices, 50, 150);
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(
                    rest.get("/dataExport/destinations/blob").ok().path("errors").toString())
                    .as("the pipe saw the outage").contains("deliveryFailed", "tel.json"));
            ExportDevices.send(devices, 150, 200);
            azurite.restart();
        } finally {
            devices.forEach(TestDevice::close);
        }

        await().atMost(Duration.ofSeconds(120)).until(() -> distinct(blobs()) >= 800);
        Map<String, String> files = blobs();
        assertLayout(files);
        assertThat(sequences(files)).hasSize(4).allSatisfy((device, sent) -> assertThat(new LinkedHashSet<>(sent))
                .as("every message, first arrivals in order").containsExactlyElementsOf(range(0, 200)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                rest.get("/dataExport/destinations/blob").ok().path("errors")).isEmpty());
    }

    @Test
    void aFolderDestinationWritesTheSameLayoutUnderTheDataDirectory() {
        export("folder", Map.of("displayName", "Folder", "type", "folder@v1", "path", "plant-1/raw"));
        List<TestDevice> devices = ExportDevices.connect(platform, "blob", 2);
        try {
            ExportDevices.send(devices, 0, 10);
        } finally {
            devices.forEach(TestDevice::close);
        }
        Path folder = platform.dataDir().resolve("exports/plant-1/raw");
        await().atMost(Duration.ofSeconds(60)).until(() -> messages(folderFiles(folder)).size() >= 20);
        Map<String, String> files = folderFiles(folder);
        assertLayout(files);
        assertThat(messages(files)).hasSize(20);
        assertThat(sequences(files)).hasSize(2)
                .allSatisfy((device, sent) -> assertThat(sent).containsExactlyElementsOf(range(0, 10)));
    }

    /** Each file is the minute of its messages' enqueued time under their application, named for the export. */
    private static void assertLayout(Map<String, String> files) {
        assertThat(files).isNotEmpty();
        files.forEach((path, content) -> {
            assertThat(content).as(path).endsWith("\n");
            for (String line : content.split("\n")) {
                JsonNode message = Json.parse(line);
                assertThat(message.path("schema").asText()).isEqualTo("default@v1");
                assertThat(message.path("messageSource").asText()).isEqualTo("telemetry");
                String minute = MINUTE.format(Instant.parse(message.path("enqueuedTime").asText()));
                assertThat(path).isEqualTo(message.path("applicationId").asText() + "/0/" + minute + "/tel.json");
            }
        });
    }

    private Map<String, String> blobs() {
        BlobContainerClient container = new BlobServiceClientBuilder().connectionString(azurite.connectionString())
                .buildClient().getBlobContainerClient(CONTAINER);
        Map<String, String> files = new TreeMap<>();
        if (!container.exists()) {
            return files;
        }
        for (BlobItem item : container.listBlobs()) {
            files.put(item.getName(), container.getBlobClient(item.getName()).downloadContent().toString());
        }
        return files;
    }

    private static Map<String, String> folderFiles(Path folder) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(file).toString(), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Every line of the files, in path order (the minutes' order), each file's lines in order. */
    private static List<JsonNode> messages(Map<String, String> files) {
        List<JsonNode> messages = new ArrayList<>();
        files.values().forEach(content -> content.lines().filter(l -> !l.isEmpty()).map(Json::parse)
                .forEach(messages::add));
        return messages;
    }

    /** Each device's received {@code n} in file order. */
    private static Map<String, List<Integer>> sequences(Map<String, String> files) {
        Map<String, List<Integer>> sequences = new LinkedHashMap<>();
        messages(files).forEach(m -> sequences.computeIfAbsent(m.path("deviceId").asText(), k -> new ArrayList<>())
                .add(m.at("/telemetry/n").asInt()));
        return sequences;
    }

    private static long distinct(Map<String, String> files) {
        return messages(files).stream().map(m -> m.path("deviceId").asText() + "/" + m.at("/telemetry/n").asInt())
                .distinct().count();
    }
}
