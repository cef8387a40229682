package org.opencentral.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.BlockBlobItem;
import com.azure.storage.blob.models.ParallelTransferOptions;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencentral.core.Json;
import org.opencentral.platform.file.FileUploadSettings;
import org.opencentral.platform.security.SasToken;
import org.opencentral.server.config.MqttConfig;
import org.opencentral.testkit.TestPlatform;

/**
 * IoT Hub's file-upload flow with the unmodified Java device SDK ({@code getFileUploadSasUri},
 * {@code completeFileUpload}) and the official Azure Storage client ({@code azure-storage-blob})
 * putting the blob to the embedded store on the HTTPS port (443, where the SAS URI points), in one
 * Put Blob or in blocks (Put Block, Put Block List); then raw requests that the store must refuse in
 * the Blob protocol's shape.
 */
class FileUploadCompatibilityTest {
    private static final MovableClock CLOCK = new MovableClock();
    private static TestPlatform platform;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(config -> config.toBuilder().mqtt(new MqttConfig(TestPlatform.HOST, 8883,
                java.util.OptionalInt.empty(), java.util.OptionalInt.of(443))).build(), CLOCK);
        http = HttpClient.newBuilder().sslContext(platform.deviceTrust()).build();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @AfterEach
    void resetClock() {
        CLOCK.reset();
    }

    private static DeviceClient deviceClient(String id) throws IotHubClientException {
        return FileUploadClients.device(platform, id);
    }

    private static BlobClient blobClient(FileUploadSasUriResponse sas) throws Exception {
        return FileUploadClients.blob(platform, sas.getBlobUri().toString());
    }

    @Test
    void theSdkUploadsAFileThatIsStoredByteForByte() throws Exception {
        DeviceClient client = deviceClient("files-sdk");
        try {
            byte[] file = FileUploadFixture.randomBytes(300_000, 1);
            FileUploadSasUriResponse sas = client.getFileUploadSasUri(new FileUploadSasUriRequest("logs/boot 1.bin"));
            assertThat(sas.getBlobName()).isEqualTo("files-sdk/logs/boot 1.bin");
            assertThat(sas.getHostName()).isEqualTo(TestPlatform.HOST);

            BlockBlobItem put = blobClient(sas).uploadWithResponse(new BlobParallelUploadOptions(BinaryData.fromBytes(file))
                    .setHeaders(new BlobHttpHeaders().setContentType("application/x-log")), null, null).getValue();
            assertThat(put.getETag()).isNotBlank();
            assertThat(put.getLastModified()).isCloseTo(OffsetDateTime.now(), within(1, ChronoUnit.MINUTES));
            client.completeFileUpload(new FileUploadCompletionNotification(sas.getCorrelationId(), true));

            assertThat(Files.readAllBytes(stored(sas.getCorrelationId()))).isEqualTo(file);
            assertThatThrownBy(() -> client.completeFileUpload(
                    new FileUploadCompletionNotification(sas.getCorrelationId(), true)))
                    .isInstanceOf(IotHubClientException.class);
        } finally {
            client.close();
        }
    }

    @Test
    void theStorageClientUploadsALargerFileInBlocksThatTheNodeListsAndServes() throws Exception {
        DeviceClient client = deviceClient("files-blocks");
        try {
            byte[] file = FileUploadFixture.randomBytes(3 * 1024 * 1024 + 12_345, 3);
            FileUploadSasUriResponse sas = client.getFileUploadSasUri(new FileUploadSasUriRequest("dumps/core.bin"));
            long blockSize = 512 * 1024;
            blobClient(sas).uploadWithResponse(new BlobParallelUploadOptions(BinaryData.fromBytes(file))
                    .setParallelTransferOptions(new ParallelTransferOptions().setBlockSizeLong(blockSize)
                            .setMaxSingleUploadSizeLong(blockSize).setMaxConcurrency(2))
                    .setHeaders(new BlobHttpHeaders().setContentType("application/octet-stream")), null, null);
            client.completeFileUpload(new FileUploadCompletionNotification(sas.getCorrelationId(), true));

            assertThat(Files.readAllBytes(stored(sas.getCorrelationId()))).isEqualTo(file);
            JsonNode listed = platform.rest().get("/devices/files-blocks/files").ok().path("value").get(0);
            assertThat(listed.path("size").asLong()).isEqualTo(file.length);
            assertThat(listed.path("status").asText()).isEqualTo("completed");
            assertThat(Files.exists(platform.dataDir().resolve("files/blocks"))
                    && Files.list(platform.dataDir().resolve("files/blocks")).findAny().isPresent())
                    .as("no staged block is left").isFalse();
        } finally {
            client.close();
        }
    }

    @Test
    void blocksOverTheFileLimitAreRefusedInTheBlobShape() throws Exception {
        JsonNode grant = requestUpload("files-blocks-limit", "big.bin");
        int max = FileUploadSettings.DEFAULT_MAX_FILE_BYTES;
        String block = "&comp=block&blockid=" + java.net.URLEncoder.encode(java.util.Base64.getEncoder()
                .encodeToString("b-1".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        assertThat(put(path(grant) + block, new byte[max - 10]).statusCode()).isEqualTo(201);
        String second = block.replace("Yi0x", "Yi0y");
        assertBlobError(put(path(grant) + second, new byte[11]), 413, "RequestBodyTooLarge");
        assertBlobError(put(path(grant) + "&comp=blocklist", "<BlockList><Latest>Yi0y</Latest></BlockList>"
                .getBytes(StandardCharsets.UTF_8)), 400, "InvalidBlockList");
        assertBlobError(put(path(grant) + "&comp=blocklist", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                .getBytes(StandardCharsets.UTF_8)), 400, "InvalidXmlDocument");
        assertThat(put(path(grant) + "&comp=blocklist", ("<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList>"
                + "<Latest>Yi0x</Latest></BlockList>").getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(201);
    }

    @Test
    void aSasUriStoresOneBlobOnly() throws Exception {
        DeviceClient client = deviceClient("files-once");
        try {
            FileUploadSasUriResponse sas = client.getFileUploadSasUri(new FileUploadSasUriRequest("once.txt"));
            BinaryData data = BinaryData.fromString("first");
            blobClient(sas).upload(data, true);
            assertThatThrownBy(() -> blobClient(sas).upload(BinaryData.fromString("second"), true))
                    .isInstanceOfSatisfying(BlobStorageException.class, e -> {
                        assertThat(e.getStatusCode()).isEqualTo(409);
                        assertThat(e.getErrorCode().toString()).isEqualTo("BlobAlreadyExists");
                    });
            assertThat(Files.readString(stored(sas.getCorrelationId()))).isEqualTo("first");
        } finally {
            client.close();
        }
    }

    @Test
    void aBadSasAnotherDevicesBlobAndAnExpiredSasAreRefused() throws Exception {
        JsonNode grant = requestUpload("files-raw-a", "a.txt");
        String sas = grant.path("sasToken").asText();
        String blob = "/devicefiles/uploads/files-raw-a%2Fa.txt";

        HttpResponse<String> tampered = put(blob + sas.replaceFirst("sig=.", "sig=A"), "x".getBytes());
        assertBlobError(tampered, 403, "AuthenticationFailed");
        assertBlobError(put("/devicefiles/uploads/files-raw-b%2Fa.txt" + sas, "x".getBytes()), 403,
                "AuthenticationFailed");
        assertBlobError(put(blob + sas.replace("sp=cw", "sp=r"), "x".getBytes()), 403, "AuthenticationFailed");
        assertBlobError(put(blob, "x".getBytes()), 403, "AuthenticationFailed");

        CLOCK.moveBy(Duration.ofHours(2));
        HttpResponse<String> expired = put(blob + sas, "x".getBytes());
        assertBlobError(expired, 403, "AuthenticationFailed");
        assertThat(expired.body()).contains("expired");
        CLOCK.reset();
        assertThat(put(blob + sas, "x".getBytes()).statusCode()).isEqualTo(201);
    }

    @Test
    void aFileOverTheLimitAndFilesOverTheQuotaAreRefused() throws Exception {
        int max = FileUploadSettings.DEFAULT_MAX_FILE_BYTES;
        JsonNode tooLarge = requestUpload("files-quota", "big.bin");
        assertBlobError(put(path(tooLarge), new byte[max + 1]), 413, "RequestBodyTooLarge");

        long filesInQuota = FileUploadSettings.DEFAULT_QUOTA_BYTES / max;
        for (int i = 0; i < filesInQuota; i++) {
            JsonNode grant = requestUpload("files-quota", "part-" + i + ".bin");
            assertThat(put(path(grant), FileUploadFixture.randomBytes(max, i)).statusCode()).isEqualTo(201);
        }
        JsonNode overQuota = requestUpload("files-quota", "one-more.bin");
        assertBlobError(put(path(overQuota), new byte[1]), 403, "QuotaExceeded");
    }

    @Test
    void aDeviceCannotAskForUploadsOrNotifyInAnotherDevicesName() throws Exception {
        String key = platform.createDevice("files-other");
        JsonNode grant = requestUpload("files-owner", "mine.txt");
        String otherSas = deviceSas("files-other", key);
        HttpResponse<String> asked = post("/devices/files-owner/files", otherSas, "{\"blobName\":\"x\"}");
        assertThat(asked.statusCode()).isEqualTo(401);
        HttpResponse<String> notified = post("/devices/files-other/files/notifications", otherSas,
                "{\"correlationId\":\"" + grant.path("correlationId").asText() + "\",\"isSuccess\":false}");
        assertThat(notified.statusCode()).isEqualTo(404);
        assertThat(post("/devices/files-other/files", otherSas, "{\"blobName\":\"../x\"}").statusCode())
                .isEqualTo(400);
        assertThat(post("/devices/files-other/files", otherSas, "not json").statusCode()).isEqualTo(400);
    }

    private static String deviceSas(String device, String key) {
        return SasToken.sign(TestPlatform.HOST + "/devices/" + device, key, Instant.now().plusSeconds(3600).getEpochSecond());
    }

    private static Path stored(String correlationId) {
        return platform.dataDir().resolve("files").resolve(correlationId);
    }

    private static String path(JsonNode grant) {
        return "/" + grant.path("containerName").asText() + "/"
                + java.net.URLEncoder.encode(grant.path("blobName").asText(), StandardCharsets.UTF_8)
                + grant.path("sasToken").asText();
    }

    private static JsonNode requestUpload(String device, String fileName) throws Exception {
        String key = platform.createDevice(device);
        HttpResponse<String> response = post("/devices/" + device + "/files",
                deviceSas(device, key), "{\"blobName\":\"" + fileName + "\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        return Json.parse(response.body());
    }

    private static HttpResponse<String> post(String path, String sas, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("https://" + TestPlatform.HOST + path + "?api-version=2020-09-30"))
                .header("Authorization", sas).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> put(String pathAndQuery, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("https://" + TestPlatform.HOST + pathAndQuery))
                .header("x-ms-blob-type", "BlockBlob").PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertBlobError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("x-ms-error-code")).contains(code);
        assertThat(response.body()).contains("<Error><Code>" + code + "</Code><Message>");
    }
}
