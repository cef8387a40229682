package org.opencentral.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.file.FileUploadConfig;
import org.opencentral.platform.security.BuiltInRole;

/**
 * IoT Central's {@code /api/fileUploads} over real HTTP and a real SQLite state store: the storage is
 * configured, read with its account key masked (never answered, never audited), changed with the
 * mask sent back (the key kept), refused when malformed or stale, and removed; the "Device file
 * upload" permissions decide who may read and change it.
 */
@Timeout(60)
class FileUploadsApiTest extends ScenarioApiTest {
    static final String KEY = "c2VjcmV0LWtleS1vZi10aGUtYWNjb3VudA==";
    static final String CONNECTION = "DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=" + KEY
            + ";EndpointSuffix=core.windows.net";
    static final String MASKED = "DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=********;"
            + "EndpointSuffix=core.windows.net;";

    private Http.Reply put(String body) {
        return admin.put("/api/fileUploads?" + Http.V, body);
    }

    @Test
    void theStorageIsConfiguredReadWithTheKeyMaskedChangedAndRemoved() {
        assertThat(admin.get("/api/fileUploads?" + Http.V).status()).isEqualTo(404);
        Http.Reply created = put("{\"connectionString\":\"" + CONNECTION + "\",\"container\":\"device-files\"}");
        assertThat(created.status()).isEqualTo(200);
        JsonNode config = created.json();
        assertThat(config.path("account").asText()).isEqualTo("contoso");
        assertThat(config.path("connectionString").asText()).isEqualTo(MASKED);
        assertThat(config.path("container").asText()).isEqualTo("device-files");
        assertThat(config.path("sasTtl").asText()).isEqualTo("PT1H");
        assertThat(config.path("state").asText()).isEqualTo("succeeded");
        assertThat(config.path("readAccess").asBoolean(true)).isFalse();
        assertThat(created.header("ETag")).contains("\"" + config.path("etag").asText() + "\"");
        assertThat(admin.get("/api/fileUploads?" + Http.V).text()).isEqualTo(created.text()).doesNotContain(KEY);

        Http.Reply patched = admin.send("PATCH", "/api/fileUploads?" + Http.V, "{\"sasTtl\":\"PT2H\",\"readAccess\":true}",
                null);
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().path("etag").asText()).isNotEqualTo(config.path("etag").asText());
        Http.Reply maskSentBack = put("{\"connectionString\":\"" + MASKED + "\",\"container\":\"other\",\"sasTtl\":\"PT5M\"}");
        assertThat(maskSentBack.status()).isEqualTo(200);
        FileUploadConfig stored = platform.platform.files().storage().configuration().orElseThrow();
        assertThat(stored.connectionString()).as("the mask keeps the stored key").isEqualTo(CONNECTION);
        assertThat(stored.container()).isEqualTo("other");
        assertThat(stored.sasTtl()).hasMinutes(5);
        assertThat(stored.readAccess()).as("a PUT replaces: readAccess back to its default").isFalse();

        assertThat(admin.send("DELETE", "/api/fileUploads?" + Http.V, null, null).status()).isEqualTo(204);
        assertThat(admin.get("/api/fileUploads?" + Http.V).status()).isEqualTo(404);
        String audit = admin.get("/api/auditLogs?" + Http.V).text();
        assertThat(audit).contains("/api/fileUploads").doesNotContain(KEY);
    }

    @Test
    void malformedConfigurationsAreRefusedNamingWhatIsWrong() {
        assertRefused("{\"container\":\"files\"}", "connectionString is required");
        assertRefused("{\"connectionString\":\"AccountName=contoso\",\"container\":\"files\"}", "AccountKey is required");
        assertRefused("{\"connectionString\":\"AccountName=contoso;AccountKey=%%%\",\"container\":\"files\"}",
                "AccountKey is not base64");
        assertRefused("{\"connectionString\":\"" + CONNECTION + "\",\"container\":\"Files_1\"}", "container 'Files_1'");
        assertRefused("{\"connectionString\":\"" + CONNECTION + "\",\"container\":\"files\",\"sasTtl\":\"an hour\"}",
                "sasTtl an hour is not an ISO 8601 duration");
        assertRefused("{\"connectionString\":\"" + CONNECTION + "\",\"container\":\"files\",\"sasTtl\":\"P2D\"}",
                "is not between PT1M and P1D");
        assertRefused("{\"connectionString\":\"" + CONNECTION + "\",\"container\":\"files\",\"readAccess\":\"yes\"}",
                "readAccess must be a boolean");
        assertRefused("{\"connectionString\":\"" + CONNECTION + "\",\"container\":\"files\",\"account\":\"other\"}",
                "account other is not the connection string's account contoso");
        assertThat(admin.get("/api/fileUploads?" + Http.V).status()).as("nothing stored").isEqualTo(404);
    }

    @Test
    void aStaleEtagIsRefusedAndOnlyFileUploadManagersMayChangeIt() {
        String body = "{\"connectionString\":\"" + CONNECTION + "\",\"container\":\"files\"}";
        String etag = put(body).json().path("etag").asText();
        assertThat(admin.send("PATCH", "/api/fileUploads?" + Http.V, "{\"sasTtl\":\"PT2H\"}", "\"stale\"").status())
                .isEqualTo(412);
        assertThat(admin.send("PATCH", "/api/fileUploads?" + Http.V, "{\"sasTtl\":\"PT2H\"}", "\"" + etag + "\"")
                .status()).isEqualTo(200);

        Http builder = admin.as(platform.token("builder", BuiltInRole.APP_BUILDER));
        assertThat(builder.get("/api/fileUploads?" + Http.V).status()).isEqualTo(403);
        assertThat(builder.put("/api/fileUploads?" + Http.V, body).status()).isEqualTo(403);
        assertThat(platform.platform.files().storage().configuration().orElseThrow().sasTtl()).hasHours(2);
    }

    private void assertRefused(String body, String message) {
        Http.Reply reply = put(body);
        assertThat(reply.status()).as(body).isEqualTo(400);
        assertThat(reply.json().at("/error/message").asText()).as(body).contains(message);
    }
}
