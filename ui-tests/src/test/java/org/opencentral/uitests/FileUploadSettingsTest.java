package org.opencentral.uitests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The file upload settings page (IoT Central's /fileUploads) in a real browser: an administrator
 * configures the storage account, the connection string is never shown again and a save without it
 * keeps it, a refused value is explained, and removing the storage returns devices to the embedded
 * store; axe-core finds no serious violation on the page either way. While nothing is configured the
 * page's {@code GET /api/fileUploads} is answered 404 (IoT Central's answer), which the page shows as
 * "the embedded store".
 */
@Timeout(180)
class FileUploadSettingsTest extends BrowserTest {
    private static final String KEY = "c2VjcmV0LWtleS1vZi10aGUtYWNjb3VudA==";
    private static final String CONNECTION = "DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=" + KEY
            + ";EndpointSuffix=core.windows.net";

    @Test
    void anAdministratorConfiguresChangesAndRemovesTheStorage() {
        try (BrowserWindow window = session.signedIn(platform.http()).expectFailure("GET", "/api/fileUploads", 404)
                .expectFailure("PUT", "/api/fileUploads", 400)) {
            FileUploadSettingsPage settings = FileUploadSettingsPage.open(window.page());
            assertThat(settings.where()).containsText("embedded store");
            assertThat(Axe.seriousViolations(window.page())).isEmpty();

            settings.save(CONNECTION, "device-files", 120, true);
            assertThat(settings.state()).hasText("succeeded");
            assertThat(settings.where()).containsText("device-files");
            assertThat(settings.where()).containsText("contoso");
            assertThat(settings.field(FileUploadSettingsPage.CONNECTION_STRING)).hasValue("");
            assertThat(window.page().content()).doesNotContain(KEY);
            window.shot("60-file-upload-settings");
            assertThat(Axe.seriousViolations(window.page())).isEmpty();
            JsonNode stored = platform.rest().get("/fileUploads").ok();
            assertThat(stored.path("container").asText()).isEqualTo("device-files");
            assertThat(stored.path("sasTtl").asText()).isEqualTo("PT2H");
            assertThat(stored.path("readAccess").asBoolean()).isTrue();

            settings.save("", "archive", 30, false);
            assertThat(settings.where()).containsText("archive");
            JsonNode changed = platform.rest().get("/fileUploads").ok();
            assertThat(changed.path("sasTtl").asText()).isEqualTo("PT30M");
            assertThat(changed.path("readAccess").asBoolean()).isFalse();
            assertThat(changed.path("connectionString").asText()).as("the stored key kept, masked")
                    .contains("AccountName=contoso;AccountKey=********");

            settings.save("AccountName=contoso", "archive", 30, false);
            assertThat(settings.error()).containsText("AccountKey is required");

            window.page().reload();
            FileUploadSettingsPage reloaded = new FileUploadSettingsPage(window.page());
            reloaded.remove();
            assertThat(reloaded.where()).containsText("embedded store");
            assertThat(platform.rest().get("/fileUploads").status()).isEqualTo(404);
        }
    }
}
