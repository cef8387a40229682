package org.opencentral.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.FileUploadCompletionNotification;
import com.microsoft.azure.sdk.iot.device.FileUploadSasUriRequest;
import com.microsoft.azure.sdk.iot.device.FileUploadSasUriResponse;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
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
    private static SSLContext previousDefault;
    private static TestPlatform platform;
    private static Azurite azurite;
    private static RestClient rest;

    @BeforeAll
    static void start() throws Exception {
        platform = TestPlatform.start(config -> config.toBuilder().mqtt(new MqttConfig(TestPlatform.HOST, 8883,
                OptionalInt.empty(), OptionalInt.of(443))).build());
        previousDefault = SSLContext.getDefault();
        SSLContext.setDefault(platform.deviceTrust());
        Path tls = platform.dataDir().resolve("tls");
        azurite = Azurite.startHttps(directory.resolve("azurite"), tls.resolve(TlsMaterialLoader.SERVER_CERT),
                tls.resolve(TlsMaterialLoader.SERVER_KEY));
        container().create();
        rest = platform.rest();
        rest.put("/fileUploads", Map.of("connectionString", azurite.connectionString(), "container", CONTAINER,
                "sasTtl", "PT10M", "readAccess", true)).ok();
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

    private static BlobContainerClient container() {
        return new BlobServiceClientBuilder().connectionString(azurite.connectionString())
                .httpClient(new JdkHttpClientBuilder(HttpClient.newBuilder().sslContext(platform.deviceTrust())).build())
                .buildClient().getBlobContainerClient(CONTAINER);
    }

    private static DeviceClient deviceClient(String id) throws IotHubClientException {
        return FileUploadClients.device(platform, id);
    }

    private static void upload(FileUploadSasUriResponse sas, byte[] content, String contentType) throws Exception {
        FileUploadClients.blob(platform, sas.getBlobUri().toString()).uploadWithResponse(new BlobParallelUploadOptions(
                BinaryData.fromBytes(content)).setHeaders(new BlobHttpHeaders().setContentType(contentType)), null, null);
    }

    @Test
    void theSdkUploadsToTheConfiguredContainerAndTheNodeListsAndServesTheFile() throws Exception {
        DeviceClient client = deviceClient("azure-files");
        try {
            byte[] file = new byte[200_000];
            new Random(7).nextBytes(file);
            FileUploadSasUriResponse sas = client.getFileUploadSasUri(new FileUploadSasUriRequest("reports/day-1.csv"));
            assertThat(sas.getBlobUri().toString()).startsWith("https://127.0.0.1:")
                    .contains("/devstoreaccount1/" + CONTAINER + "/");
            assertThat(sas.getBlobName()).isEqualTo("azure-files/reports/day-1.csv");
            upload(sas, file, "text/csv");
            client.completeFileUpload(new FileUploadCompletionNotification(sas.getCorrelationId(), true));

            assertThat(container().getBlobClient("azure-files/reports/day-1.csv").downloadContent().toBytes())
                    .isEqualTo(file);
            JsonNode listed = rest.get("/devices/azure-files/files").ok().path("value");
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).path("id").asText()).isEqualTo(sas.getCorrelationId());
            assertThat(listed.get(0).path("size").asLong()).isEqualTo(file.length);
            assertThat(listed.get(0).path("contentType").asText()).isEqualTo("text/csv");
            assertThat(listed.get(0).path("status").asText()).isEqualTo("completed");
            HttpResponse<byte[]> download = download("azure-files", sas.getCorrelationId());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(file);

            byte[] rewritten = new byte[file.length + 1_000];
            new Random(8).nextBytes(rewritten);
            upload(sas, rewritten, "text/csv");
            assertThat(download("azure-files", sas.getCorrelationId()).body())
                    .as("a blob written again while its SAS is valid is served as it is now").isEqualTo(rewritten);

            rest.patch("/fileUploads", Map.of("readAccess", false)).ok();
            assertThat(download("azure-files", sas.getCorrelationId()).statusCode()).isEqualTo(403);
            rest.patch("/fileUploads", Map.of("readAccess", true)).ok();
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
            assertThatThrownBy(() -> FileUploadClients.blob(platform, otherBlob).upload(BinaryData.fromString("x")))
                    .isInstanceOfSatisfying(BlobStorageException.class, e -> assertThat(e.getStatusCode()).isEqualTo(403));
            assertThat(rest.get("/devices/azure-refused/files").ok().path("value")).isEmpty();
        } finally {
            client.close();
        }
    }

    private static HttpResponse<byte[]> download(String device, String fileId) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(platform.http() + "/api/devices/"
                + device + "/files/" + fileId + "?api-version=2022-07-31")).header("Authorization", platform.adminToken())
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
