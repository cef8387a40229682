package org.opencentral.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.file.DeviceFile;
import org.opencentral.platform.security.BuiltInRole;

/**
 * The file extensions ({@code GET /api/devices/{id}/files} and {@code …/files/{fileId}}) over real
 * HTTP, a real SQLite state store and a real folder: a device's stored files newest first, one
 * downloaded as an attachment, scoped by organization like every device read.
 */
@Timeout(60)
class DeviceFilesApiTest extends ScenarioApiTest {
    static final Instant AT = Instant.parse("2026-05-01T10:00:00Z");

    @Test
    void aDevicesStoredFilesAreListedNewestFirstAndDownloadedAsAttachments() throws IOException {
        stored("dev-root", "c-1", "dev-root/logs/boot.log", "booted\n", Optional.of("text/plain"), 1);
        stored("dev-root", "c-2", "dev-root/snap shot.jpg", "jpeg bytes", Optional.empty(), 2);
        platform.state.files().insert(DeviceFile.requested("c-3", DeviceId.of("dev-root"), "dev-root/never", AT));
        stored("dev-west", "c-4", "dev-west/other.txt", "west", Optional.empty(), 3);

        JsonNode value = list(admin, "dev-root").path("value");
        assertThat(value.findValuesAsText("id")).containsExactly("c-2", "c-1");
        assertThat(value.get(1).path("fileName").asText()).isEqualTo("logs/boot.log");
        assertThat(value.get(1).path("blobName").asText()).isEqualTo("dev-root/logs/boot.log");
        assertThat(value.get(1).path("size").asLong()).isEqualTo(7);
        assertThat(value.get(1).path("contentType").asText()).isEqualTo("text/plain");
        assertThat(value.get(1).path("uploaded").asText()).isEqualTo(AT.plusSeconds(1).toString());
        assertThat(value.get(1).path("status").asText()).isEqualTo("uploaded");
        assertThat(value.get(0).has("contentType")).isFalse();

        Http.Reply log = admin.get("/api/devices/dev-root/files/c-1?" + Http.V);
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.text()).isEqualTo("booted\n");
        assertThat(log.response().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(log.response().headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"boot.log\"; filename*=UTF-8''boot.log");
        Http.Reply snap = admin.get("/api/devices/dev-root/files/c-2?" + Http.V);
        assertThat(snap.response().headers().firstValue("Content-Type")).contains("application/octet-stream");
        assertThat(snap.response().headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"snap shot.jpg\"; filename*=UTF-8''snap%20shot.jpg");
    }

    @Test
    void anotherDevicesFileAFileNotStoredAndAHiddenDeviceAreNotFound() throws IOException {
        stored("dev-west", "c-west", "dev-west/a.txt", "west", Optional.empty(), 1);
        stored("dev-east", "c-east", "dev-east/a.txt", "east", Optional.empty(), 1);
        platform.state.files().insert(DeviceFile.requested("c-pending", DeviceId.of("dev-root"), "dev-root/x", AT));

        assertThat(admin.get("/api/devices/dev-root/files/c-west?" + Http.V).status()).isEqualTo(404);
        assertThat(admin.get("/api/devices/dev-root/files/c-pending?" + Http.V).status()).isEqualTo(404);
        assertThat(admin.get("/api/devices/no-such/files?" + Http.V).status()).isEqualTo(404);
        Http westUser = new Http(platform.port, platform.token("west-admin", BuiltInRole.ORG_ADMINISTRATOR.id(), "west"));
        assertThat(list(westUser, "dev-west").path("value").findValuesAsText("id")).containsExactly("c-west");
        assertThat(westUser.get("/api/devices/dev-west/files/c-west?" + Http.V).text()).isEqualTo("west");
        assertThat(westUser.get("/api/devices/dev-east/files?" + Http.V).status()).isEqualTo(404);
        assertThat(westUser.get("/api/devices/dev-east/files/c-east?" + Http.V).status()).isEqualTo(404);
        Http westOperator = Scenario.signIn(new Http(platform.port, null), Scenario.WEST_USER);
        assertThat(westOperator.get("/api/devices/dev-west/files?" + Http.V).status()).as("no viewUploadedFiles")
                .isEqualTo(403);
    }

    @Test
    void theyAreExtensionsThatNeedTheViewUploadedFilesPermission() {
        JsonNode paths = new Http(platform.port, null).get("/api/openapi.json?" + Http.V).json().path("paths");
        for (String path : new String[] {"/devices/{deviceId}/files", "/devices/{deviceId}/files/{fileId}"}) {
            JsonNode operation = paths.path(path).path("get");
            assertThat(operation.path("x-opencentral-extension").asBoolean()).as(path).isTrue();
            assertThat(operation.path("x-opencentral-access").asText()).as(path).isEqualTo("devices.viewUploadedFiles");
        }
    }

    /** A file of {@code device} as the blob store leaves it: recorded as uploaded, its bytes in the folder. */
    private void stored(String device, String id, String blobName, String content, Optional<String> type, int second)
            throws IOException {
        DeviceFile requested = DeviceFile.requested(id, DeviceId.of(device), blobName, AT);
        assertThat(platform.state.files().insert(requested)).isTrue();
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        Path path = platform.platform.files().content(requested);
        Files.createDirectories(path.getParent());
        Files.write(path, bytes);
        assertThat(platform.state.files().uploaded(id, bytes.length, type, AT.plusSeconds(second))).isTrue();
    }

    private static JsonNode list(Http http, String device) {
        Http.Reply reply = http.get("/api/devices/" + device + "/files?" + Http.V);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json();
    }
}
