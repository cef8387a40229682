package org.opencentral.uitests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Download;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.Json;
import org.opencentral.platform.security.SasToken;

/**
 * A file a device uploaded through IoT Hub's file-upload flow (SAS URI, Put Blob to the embedded
 * store, notification) on its page's Files tab in a real browser: listed with its size, type and
 * status, and downloaded byte for byte by its link.
 */
@Timeout(180)
class DeviceFilesTest extends BrowserTest {
    private static final String DEVICE = "camera-1";

    @Test
    void anOperatorSeesAndDownloadsAFileTheDeviceUploaded() throws Exception {
        String key = platform.createDevice(DEVICE);
        String report = "{\"frames\": 42, \"note\": \"nightly report\"}";
        upload(key, "reports/night.json", report.getBytes(StandardCharsets.UTF_8));

        try (BrowserWindow window = session.signedIn(platform.http())) {
            FilesTab files = DevicePage.open(window.page(), DEVICE).files();
            assertThat(files.file("reports/night.json")).containsText("Completed");
            assertThat(files.file("reports/night.json")).containsText("application/json");
            window.shot("45-device-files");

            Download download = files.download("reports/night.json");
            assertThat(download.suggestedFilename()).isEqualTo("night.json");
            assertThat(Files.readString(download.path())).isEqualTo(report);
        }
    }

    /** The device's side: ask for a SAS URI, put the blob, notify the success. */
    private static void upload(String key, String name, byte[] content) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(platform.deviceTrust()).build();
        String sas = SasToken.sign(platform.config().publicHost() + "/devices/" + DEVICE, key,
                Instant.now().plusSeconds(3600).getEpochSecond());
        String base = "https://127.0.0.1:" + platform.websocketPort();
        HttpResponse<String> asked = http.send(HttpRequest.newBuilder(URI.create(base + "/devices/" + DEVICE
                + "/files?api-version=2020-09-30")).header("Authorization", sas)
                .POST(HttpRequest.BodyPublishers.ofString("{\"blobName\":\"" + name + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(asked.statusCode()).isEqualTo(200);
        JsonNode grant = Json.parse(asked.body());
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(base + "/"
                + grant.path("containerName").asText() + "/"
                + URLEncoder.encode(grant.path("blobName").asText(), StandardCharsets.UTF_8)
                + grant.path("sasToken").asText())).header("x-ms-blob-type", "BlockBlob")
                .header("x-ms-blob-content-type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(201);
        HttpResponse<String> notified = http.send(HttpRequest.newBuilder(URI.create(base + "/devices/" + DEVICE
                + "/files/notifications?api-version=2020-09-30")).header("Authorization", sas)
                .POST(HttpRequest.BodyPublishers.ofString("{\"correlationId\":\"" + grant.path("correlationId").asText()
                        + "\",\"isSuccess\":true,\"statusCode\":200,\"statusDescription\":\"ok\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(notified.statusCode()).isEqualTo(204);
    }
}
