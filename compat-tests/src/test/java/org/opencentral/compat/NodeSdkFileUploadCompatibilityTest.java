package org.opencentral.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.server.config.MqttConfig;
import org.opencentral.server.tls.TlsMaterialLoader;
import org.opencentral.testkit.Azurite;
import org.opencentral.testkit.RestClient;
import org.opencentral.testkit.TestPlatform;

/**
 * The unmodified Azure IoT Node.js device SDK ({@code azure-iot-device} 1.18.4, pinned with its lock
 * in {@code compat-tests/node-sdk}, installed by {@code npm ci} in this module's build) uploads a file
 * with {@code Client.uploadToBlob}, its whole flow in one call (not deprecated in that version): the
 * SAS URI from the node over HTTPS on port 443 (where the SDK always goes), the blob through the
 * SDK's {@code @azure/storage-blob} (a streamed upload: Put Block and Put Block List), and the
 * notification ({@code POST …/files/notifications/{correlationId}}, the correlation id in the path);
 * to the embedded store, and to Azurite once {@code /api/fileUploads} configures it (Azurite in loose
 * mode: that SDK's storage client sends a header Azure ignores and strict Azurite refuses). The REST API
 * then lists the file and serves its bytes. The SDK trusts the node's CA through
 * {@code NODE_EXTRA_CA_CERTS}, as an operator's Node.js would be configured; the JVM's default trust
 * is the node's CA too (Azurite's certificate is one of it), as an operator's JVM trusts Azure's.
 */
@Timeout(180)
class NodeSdkFileUploadCompatibilityTest {
    private static final Path SDK = Path.of("node-sdk");
    private static final String CONTAINER = "node-files";
    @TempDir
    static Path directory;
    private static SSLContext previousDefault;
    private static TestPlatform platform;
    private static Azurite azurite;
    private static RestClient rest;

    @BeforeAll
    static void start() throws Exception {
        platform = TestPlatform.start(config -> config.toBuilder().mqtt(new MqttConfig(TestPlatform.HOST, 8883,
                OptionalInt.empty(), OptionalInt.of(443))).build());
        rest = platform.rest();
        previousDefault = SSLContext.getDefault();
        SSLContext.setDefault(platform.deviceTrust());   // the node reads the blob from Azurite with its CA's certificate
        Path tls = platform.dataDir().resolve("tls");
        azurite = Azurite.startHttpsLoose(directory.resolve("azurite"), tls.resolve(TlsMaterialLoader.SERVER_CERT),
                tls.resolve(TlsMaterialLoader.SERVER_KEY));
    }

    @AfterAll
    static void stop() {
        if (azurite != null) {
            azurite.close();
        }
        if (platform != null) {
            platform.close();
        }
        if (previousDefault != null) {
            SSLContext.setDefault(previousDefault);
        }
    }

    @AfterEach
    void backToTheEmbeddedStore() {
        rest.delete("/fileUploads");
    }

    @Test
    void uploadToBlobStoresTheFileInTheEmbeddedStoreWhichTheApiListsAndServes() throws Exception {
        byte[] file = randomBytes(300_000, 1);

        upload("node-embedded", "logs/boot.bin", file);

        assertListedAndServed("node-embedded", "node-embedded/logs/boot.bin", file);
    }

    @Test
    void uploadToBlobStoresTheFileInTheConfiguredAzureContainerWhichTheApiListsAndServes() throws Exception {
        rest.put("/fileUploads", Map.of("connectionString", azurite.connectionString(), "container", CONTAINER,
                "sasTtl", "PT10M", "readAccess", true)).ok();
        container().createIfNotExists();
        byte[] file = randomBytes(200_000, 2);

        upload("node-azure", "reports/day-1.bin", file);

        assertListedAndServed("node-azure", "node-azure/reports/day-1.bin", file);
        assertThat(container().getBlobClient("node-azure/reports/day-1.bin").downloadContent().toBytes())
                .as("the blob went to the configured container").isEqualTo(file);
    }

    /** Runs {@code upload.js} for a new device; fails with the SDK's output unless it exits 0. */
    private static void upload(String deviceId, String blobName, byte[] content) throws Exception {
        String key = platform.createDevice(deviceId);
        Path file = Files.write(directory.resolve(deviceId + ".bin"), content);
        ProcessBuilder builder = new ProcessBuilder(List.of("node", "upload.js", "HostName=" + TestPlatform.HOST
                + ";DeviceId=" + deviceId + ";SharedAccessKey=" + key, blobName, file.toString()))
                .directory(SDK.toFile()).redirectErrorStream(true);
        builder.environment().put("NODE_EXTRA_CA_CERTS",
                platform.dataDir().resolve("tls").resolve(TlsMaterialLoader.CA_CERT).toString());
        builder.environment().put("AZURE_LOG_LEVEL", "info");   // the storage client's requests, shown if it fails
        Process node = builder.start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(120, TimeUnit.SECONDS)).as("node exits").isTrue();
        assertThat(node.exitValue()).as(output).isZero();
    }

    private static void assertListedAndServed(String deviceId, String blobName, byte[] content) throws Exception {
        JsonNode listed = rest.get("/devices/" + deviceId + "/files").ok().path("value");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("blobName").asText()).isEqualTo(blobName);
        assertThat(listed.get(0).path("size").asLong()).isEqualTo(content.length);
        assertThat(listed.get(0).path("status").asText()).isEqualTo("completed");
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                platform.http() + "/api/devices/" + deviceId + "/files/" + listed.get(0).path("id").asText()
                        + "?api-version=2022-07-31")).header("Authorization", platform.adminToken()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(content);
    }

    private static BlobContainerClient container() {
        return new BlobServiceClientBuilder().connectionString(azurite.connectionString())
                .httpClient(new JdkHttpClientBuilder(HttpClient.newBuilder().sslContext(platform.deviceTrust())).build())
                .buildClient().getBlobContainerClient(CONTAINER);
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
