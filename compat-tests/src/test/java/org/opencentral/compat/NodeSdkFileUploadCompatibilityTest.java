package org.opencentral.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobContainerClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.testkit.Azurite;
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
    private static FileUploadFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = FileUploadFixture.start(directory, Azurite::startHttpsLoose);
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @AfterEach
    void backToTheEmbeddedStore() {
        fixture.uploadToEmbeddedStore();
    }

    @Test
    void uploadToBlobStoresTheFileInTheEmbeddedStoreWhichTheApiListsAndServes() throws Exception {
        byte[] file = FileUploadFixture.randomBytes(300_000, 1);

        upload("node-embedded", "logs/boot.bin", file);

        assertThat(fixture.assertListedAndServed("node-embedded", file).path("blobName").asText())
                .isEqualTo("node-embedded/logs/boot.bin");
    }

    @Test
    void uploadToBlobStoresTheFileInTheConfiguredAzureContainerWhichTheApiListsAndServes() throws Exception {
        BlobContainerClient container = fixture.uploadToAzure(CONTAINER);
        byte[] file = FileUploadFixture.randomBytes(200_000, 2);

        upload("node-azure", "reports/day-1.bin", file);

        assertThat(fixture.assertListedAndServed("node-azure", file).path("blobName").asText())
                .isEqualTo("node-azure/reports/day-1.bin");
        assertThat(container.getBlobClient("node-azure/reports/day-1.bin").downloadContent().toBytes())
                .as("the blob went to the configured container").isEqualTo(file);
    }

    /** Runs {@code upload.js} for a new device; fails with the SDK's output unless it exits 0. */
    private static void upload(String deviceId, String blobName, byte[] content) throws Exception {
        String key = fixture.platform().createDevice(deviceId);
        Path file = Files.write(directory.resolve(deviceId + ".bin"), content);
        ProcessBuilder builder = new ProcessBuilder(List.of("node", "upload.js", "HostName=" + TestPlatform.HOST
                + ";DeviceId=" + deviceId + ";SharedAccessKey=" + key, blobName, file.toString()))
                .directory(SDK.toFile()).redirectErrorStream(true);
        builder.environment().put("NODE_EXTRA_CA_CERTS", fixture.caCertificate().toString());
        builder.environment().put("AZURE_LOG_LEVEL", "info");   // the storage client's requests, shown if it fails
        Process node = builder.start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(120, TimeUnit.SECONDS)).as("node exits").isTrue();
        assertThat(node.exitValue()).as(output).isZero();
    }
}
