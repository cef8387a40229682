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
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import javax.net.ssl.SSLContext;
import org.opencentral.server.config.MqttConfig;
import org.opencentral.server.tls.TlsMaterialLoader;
import org.opencentral.testkit.Azurite;
import org.opencentral.testkit.RestClient;
import org.opencentral.testkit.TestPlatform;

/**
 * A node serving devices' HTTPS on port 443 (where the SDKs' SAS URIs point) beside an Azurite over
 * HTTPS with a certificate of the node's CA, for the device SDKs' file uploads to the embedded store
 * and to Azure Blob storage; the JVM's default trust is the node's CA while it runs (the node reads
 * blobs from Azurite with it), as an operator's JVM trusts Azure's public CAs. The checks through the
 * REST API of what a device uploaded.
 */
final class FileUploadFixture implements AutoCloseable {
    /** How Azurite starts: strict ({@link Azurite#startHttps}) or loose ({@link Azurite#startHttpsLoose}). */
    @FunctionalInterface
    interface AzuriteStart {
        Azurite start(Path location, Path certificate, Path key);
    }

    private final SSLContext previousDefault;
    private final TestPlatform platform;
    private final Azurite azurite;

    private FileUploadFixture(SSLContext previousDefault, TestPlatform platform, Azurite azurite) {
        this.previousDefault = previousDefault;
        this.platform = platform;
        this.azurite = azurite;
    }

    /** Starts the node and an Azurite ({@code azuriteStart}) keeping its blobs below {@code directory}. */
    static FileUploadFixture start(Path directory, AzuriteStart azuriteStart) throws Exception {
        TestPlatform platform = TestPlatform.start(config -> config.toBuilder().mqtt(new MqttConfig(TestPlatform.HOST,
                8883, OptionalInt.empty(), OptionalInt.of(443))).build());
        SSLContext previousDefault = SSLContext.getDefault();
        try {
            SSLContext.setDefault(platform.deviceTrust());
            Path tls = platform.dataDir().resolve("tls");
            Azurite azurite = azuriteStart.start(directory.resolve("azurite"),
                    tls.resolve(TlsMaterialLoader.SERVER_CERT), tls.resolve(TlsMaterialLoader.SERVER_KEY));
            return new FileUploadFixture(previousDefault, platform, azurite);
        } catch (RuntimeException e) {
            SSLContext.setDefault(previousDefault);
            platform.close();
            throw e;
        }
    }

    TestPlatform platform() {
        return platform;
    }

    RestClient rest() {
        return platform.rest();
    }

    /** The node's CA certificate (PEM), for a client outside the JVM. */
    Path caCertificate() {
        return platform.dataDir().resolve("tls").resolve(TlsMaterialLoader.CA_CERT);
    }

    /** Creates Azurite's {@code container} and configures {@code /api/fileUploads} to it (read access on). */
    BlobContainerClient uploadToAzure(String container) {
        BlobContainerClient client = container(container);
        client.createIfNotExists();
        rest().put("/fileUploads", Map.of("connectionString", azurite.connectionString(), "container", container,
                "sasTtl", "PT10M", "readAccess", true)).ok();
        return client;
    }

    /** Back to the embedded store. */
    void uploadToEmbeddedStore() {
        rest().delete("/fileUploads");
    }

    /** The Azure Storage client of Azurite's {@code container}, trusting the node's CA. */
    BlobContainerClient container(String container) {
        return new BlobServiceClientBuilder().connectionString(azurite.connectionString())
                .httpClient(new JdkHttpClientBuilder(HttpClient.newBuilder().sslContext(platform.deviceTrust())).build())
                .buildClient().getBlobContainerClient(container);
    }

    /**
     * Asserts that the API lists one file of {@code deviceId}, completed and of {@code content}'s size,
     * and serves exactly {@code content}; returns the listed file.
     */
    JsonNode assertListedAndServed(String deviceId, byte[] content) throws Exception {
        JsonNode listed = rest().get("/devices/" + deviceId + "/files").ok().path("value");
        assertThat(listed).hasSize(1);
        JsonNode file = listed.get(0);
        assertThat(file.path("size").asLong()).isEqualTo(content.length);
        assertThat(file.path("status").asText()).isEqualTo("completed");
        HttpResponse<byte[]> download = download(deviceId, file.path("id").asText());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(content);
        return file;
    }

    /** {@code GET /api/devices/{deviceId}/files/{fileId}} as the administrator. */
    HttpResponse<byte[]> download(String deviceId, String fileId) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(platform.http() + "/api/devices/"
                + deviceId + "/files/" + fileId + "?api-version=2022-07-31")).header("Authorization",
                platform.adminToken()).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Override
    public void close() {
        try {
            azurite.close();
            platform.close();
        } finally {
            SSLContext.setDefault(previousDefault);
        }
    }
}
