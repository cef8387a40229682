package org.opencentral.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.FileUploadCompletionNotification;
import com.microsoft.azure.sdk.iot.device.FileUploadSasUriRequest;
import com.microsoft.azure.sdk.iot.device.FileUploadSasUriResponse;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.testkit.Azurite;

/**
 * File uploads to Azure Blob storage, configured through IoT Central's {@code /api/fileUploads}: the
 * unmodified Java device SDK asks for a SAS URI ({@code getFileUploadSasUri}), the official Azure
 * Storage client uploads straight to Azurite (over HTTPS, as the SDK's blob URI always is, with a
 * certificate of the node's CA) and the SDK notifies ({@code completeFileUpload}); the node records
 * the blob from the storage, lists it and serves it while {@code readAccess} allows. The JVM's
 * default trust is the node's CA here, as an operator's JVM trusts Azure's public CAs.
 */
@Timeout(180)
class AzureFileUploadCompatibilityTest {
    private static final String CONTAINER = "device-files";
    @TempDir
    static Path directory;
    private static FileUploadFixture fixture;
    private static BlobContainerClient container;

    @BeforeAll
    static void start() throws Exception {
        fixture = FileUploadFixture.start(directory, Azurite::startHttps);
        container = fixture.uploadToAzure(CONTAINER);
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static DeviceClient deviceClient(String id) throws IotHubClientException {
        return FileUploadClients.device(fixture.platform(), id);
    }

    private static void upload(FileUploadSasUriResponse sas, byte[] content, String contentType) throws Exception {
        FileUploadClients.blob(fixture.platform(), sas.getBlobUri().toString()).uploadWithResponse(
                new BlobParallelUploadOptions(BinaryData.fromBytes(content))
                        .setHeaders(new BlobHttpHeaders().setContentType(contentType)), null, null);
    }

    @Test
    void theSdkUploadsToTheConfiguredContainerAndTheNodeListsAndServesTheFile() throws Exception {
        DeviceClient client = deviceClient("azure-files");
        try {
            byte[] file = FileUploadFixture.randomBytes(200_000, 7);
            FileUploadSasUriResponse sas = client.getFileUploadSasUri(new FileUploadSasUriRequest("reports/day-1.csv"));
            assertThat(sas.getBlobUri().toString()).startsWith("https://127.0.0.1:")
                    .contains("/devstoreaccount1/" + CONTAINER + "/");
            assertThat(sas.getBlobName()).isEqualTo("azure-files/reports/day-1.csv");
            upload(sas, file, "text/csv");
            client.completeFileUpload(new FileUploadCompletionNotification(sas.getCorrelationId(), true));

            assertThat(container.getBlobClient("azure-files/reports/day-1.csv").downloadContent().toBytes())
                    .isEqualTo(file);
            JsonNode listed = fixture.assertListedAndServed("azure-files", file);
            assertThat(listed.path("id").asText()).isEqualTo(sas.getCorrelationId());
            assertThat(listed.path("contentType").asText()).isEqualTo("text/csv");

            byte[] rewritten = FileUploadFixture.randomBytes(file.length + 1_000, 8);
            upload(sas, rewritten, "text/csv");
            assertThat(fixture.download("azure-files", sas.getCorrelationId()).body())
                    .as("a blob written again while its SAS is valid is served as it is now").isEqualTo(rewritten);

            fixture.rest().patch("/fileUploads", Map.of("readAccess", false)).ok();
            assertThat(fixture.download("azure-files", sas.getCorrelationId()).statusCode()).isEqualTo(403);
            fixture.rest().patch("/fileUploads", Map.of("readAccess", true)).ok();
        } finally {
            client.close();
        }
    }

    @Test
    void aNotificationWithoutTheBlobAndAnotherBlobWithTheSasAreRefused() throws Exception {
        DeviceClient client = deviceClient("azure-refused");
        try {
            FileUploadSasUriResponse sas = client.getFileUploadSasUri(new FileUploadSasUriRequest("never.bin"));
            assertThatThrownBy(() -> client.completeFileUpload(
                    new FileUploadCompletionNotification(sas.getCorrelationId(), true)))
                    .isInstanceOf(IotHubClientException.class);

            String otherBlob = sas.getBlobUri().toString().replace("never.bin", "other.bin");
            assertThatThrownBy(() -> FileUploadClients.blob(fixture.platform(), otherBlob)
                    .upload(BinaryData.fromString("x")))
                    .isInstanceOfSatisfying(BlobStorageException.class, e -> assertThat(e.getStatusCode()).isEqualTo(403));
            assertThat(fixture.rest().get("/devices/azure-refused/files").ok().path("value")).isEmpty();
        } finally {
            client.close();
        }
    }
}
