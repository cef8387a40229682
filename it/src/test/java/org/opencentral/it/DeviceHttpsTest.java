package org.opencentral.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.Json;
import org.opencentral.platform.ingest.MessageSizeLimit;
import org.opencentral.platform.security.SasToken;
import org.opencentral.testkit.RestClient;
import org.opencentral.testkit.TestCa;
import org.opencentral.testkit.TestPlatform;

/**
 * IoT Hub's device REST surface on the HTTPS (WebSocket) listener, spoken raw: telemetry with
 * properties as headers and in batches, cloud-to-device receive with an ETag lock and complete,
 * reject and abandon, SAS and X.509 authentication, and the refusals (bad token, another device's
 * path, oversize, malformed batch) that store nothing.
 */
@Timeout(60)
class DeviceHttpsTest {
    private static final String API = "?api-version=2020-09-30";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static TestPlatform platform;
    private static RestClient rest;
    private static HttpClient client;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start();
        rest = platform.rest();
        client = client(platform.deviceTrust());
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void telemetryWithPropertyHeadersIsStoredBeforeThe204() throws Exception {
        String id = "https-telemetry-1";
        String sas = sas(id, platform.createDevice(id));

        HttpResponse<String> sent = send(client, post(id, "/messages/events", "{\"temperature\":21.5}", Optional.of(sas))
                .header("iothub-app-alert", "high temperature").header("iothub-messageid", "m-1")
                .header("iothub-contenttype", "application/json").header("iothub-contentencoding", "utf-8"));

        assertThat(sent.statusCode()).isEqualTo(204);
        JsonNode raw = rest.get("/devices/" + id + "/rawData").ok().path("value").path(0);
        assertThat(raw.path("kind").asText()).isEqualTo("telemetry");
        assertThat(raw.path("properties").path("alert").asText()).isEqualTo("high temperature");
        await().atMost(WAIT).untilAsserted(() -> assertThat(
                rest.get("/devices/" + id + "/telemetry/temperature").ok().path("value").asDouble()).isEqualTo(21.5));
    }

    @Test
    void aBatchIsStoredMessageByMessage() throws Exception {
        String id = "https-batch-1";
        String sas = sas(id, platform.createDevice(id));
        String batch = Json.write(new Object[] {
                Map.of("body", Base64.getEncoder().encodeToString("{\"humidity\":40}".getBytes(StandardCharsets.UTF_8)),
                        "base64Encoded", true, "properties", Map.of("iothub-app-seq", "1")),
                Map.of("body", "{\"humidity\":41}", "properties", Map.of("iothub-app-seq", "2"))});

        HttpResponse<String> sent = send(client, post(id, "/messages/events", batch, Optional.of(sas))
                .header("Content-Type", "application/vnd.microsoft.iothub.json"));

        assertThat(sent.statusCode()).isEqualTo(204);
        JsonNode raw = rest.get("/devices/" + id + "/rawData").ok().path("value");
        assertThat(raw.size()).isEqualTo(2);
        assertThat(raw.path(0).path("properties").path("seq").asText()).isEqualTo("2");
        assertThat(raw.path(1).path("body").asText()).isEqualTo("{\"humidity\":40}");
    }

    @Test
    void aCloudToDeviceMessageIsReceivedUnderALockThenCompleted() throws Exception {
        String id = "https-c2d-complete";
        Optional<String> sas = Optional.of(sas(id, platform.createDevice(id)));
        assertThat(send(client, get(id, sas)).statusCode()).isEqualTo(204);
        queue(id, 7);

        HttpResponse<String> received = send(client, get(id, sas));

        assertThat(received.statusCode()).isEqualTo(200);
        assertThat(received.body()).isEqualTo("{\"setPoint\":7}");
        assertThat(received.headers().firstValue("iothub-app-kind")).hasValue("config");
        assertThat(received.headers().firstValue("iothub-messageid")).isPresent();
        String etag = received.headers().firstValue("etag").orElseThrow();
        assertThat(send(client, get(id, sas)).statusCode()).as("locked").isEqualTo(204);
        assertThat(send(client, settle(id, etag, "DELETE", "", sas)).statusCode()).isEqualTo(204);
        assertThat(send(client, settle(id, etag, "DELETE", "", sas)).statusCode()).as("lock used").isEqualTo(412);
    }

    @Test
    void rejectAndAbandonByTheirPaths() throws Exception {
        String id = "https-c2d-reject";
        Optional<String> sas = Optional.of(sas(id, platform.createDevice(id)));
        queue(id, 1);
        String first = etag(send(client, get(id, sas)));

        assertThat(send(client, settle(id, first, "POST", "/abandon", sas)).statusCode()).isEqualTo(204);
        String again = etag(send(client, get(id, sas)));
        assertThat(send(client, settle(id, again, "DELETE", "?reject=true&api-version=2020-09-30", sas))
                .statusCode()).isEqualTo(204);

        assertThat(send(client, get(id, sas)).statusCode()).as("rejected, gone").isEqualTo(204);
        queue(id, 2);
        String third = etag(send(client, get(id, sas)));
        assertThat(send(client, settle(id, third, "POST", "/reject", sas)).statusCode()).isEqualTo(204);
        assertThat(send(client, get(id, sas)).statusCode()).isEqualTo(204);
    }

    @Test
    void aDeviceAuthenticatesWithItsTlsClientCertificate() throws Exception {
        String id = "https-x509-device";
        TestCa.Issued own = new TestCa("HTTPS device CA").issue(id);
        rest.put("/devices/" + id, Map.of("displayName", id)).ok();
        rest.put("/devices/" + id + "/attestation", Map.of("type", "x509", "x509", Map.of("clientCertificates",
                Map.of("primary", Map.of("certificate", TestCa.pem(own.certificate())))))).ok();
        HttpClient withCertificate = client(own.sslContext(platform.server().tls().caCertificate()));

        assertThat(send(withCertificate, post(id, "/messages/events", "{\"level\":3}", Optional.empty())).statusCode())
                .isEqualTo(204);
        assertThat(send(withCertificate, post("https-telemetry-1", "/messages/events", "{\"level\":4}",
                Optional.empty())).statusCode()).as("another device's path").isEqualTo(401);
        assertThat(rest.get("/devices/" + id + "/rawData").ok().path("value").size()).isEqualTo(1);
    }

    @Test
    void badTokensAndAnotherDevicesPathAreRefusedAndStoreNothing() throws Exception {
        String id = "https-refused";
        String key = platform.createDevice(id);
        String other = "https-refused-other";
        platform.createDevice(other);

        assertThat(send(client, post(id, "/messages/events", "{}", Optional.empty())).statusCode()).isEqualTo(401);
        assertThat(send(client, post(id, "/messages/events", "{}", Optional.of("SharedAccessSignature sr=x&sig=y&se=1")))
                .statusCode()).isEqualTo(401);
        String expired = SasToken.sign(TestPlatform.HOST + "/devices/" + id, key, Instant.now().minusSeconds(5).getEpochSecond());
        HttpResponse<String> refused = send(client, post(id, "/messages/events", "{}", Optional.of(expired)));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(Json.parse(refused.body()).path("Message").asText()).contains("IotHubUnauthorizedAccess");
        Optional<String> mine = Optional.of(sas(id, key));
        assertThat(send(client, post(other, "/messages/events", "{}", mine)).statusCode()).isEqualTo(401);
        assertThat(send(client, get(other, mine)).statusCode()).isEqualTo(401);

        assertThat(rest.get("/devices/" + id + "/rawData").ok().path("value").size()).isZero();
        assertThat(rest.get("/devices/" + other + "/rawData").ok().path("value").size()).isZero();
    }

    @Test
    void oversizeMessagesAndMalformedBatchesAreRefusedAndStoreNothing() throws Exception {
        String id = "https-malformed";
        Optional<String> sas = Optional.of(sas(id, platform.createDevice(id)));
        String oversize = "x".repeat(MessageSizeLimit.DEFAULT_BYTES + 1);

        HttpResponse<String> tooLarge = send(client, post(id, "/messages/events", oversize, sas));
        HttpResponse<String> notJson = send(client, post(id, "/messages/events", "[{\"body\":", sas)
                .header("Content-Type", "application/vnd.microsoft.iothub.json"));
        HttpResponse<String> notArray = send(client, post(id, "/messages/events", "{\"body\":\"a\"}", sas)
                .header("Content-Type", "application/vnd.microsoft.iothub.json"));
        HttpResponse<String> badEntry = send(client, post(id, "/messages/events",
                "[{\"body\":\"ok\"},{\"body\":\"%%%\",\"base64Encoded\":true}]", sas)
                .header("Content-Type", "application/vnd.microsoft.iothub.json"));

        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(Json.parse(notJson.body()).path("Message").asText()).contains("not valid JSON");
        assertThat(notArray.statusCode()).isEqualTo(400);
        assertThat(badEntry.statusCode()).isEqualTo(400);
        assertThat(Json.parse(badEntry.body()).path("Message").asText()).contains("batch entry 1");
        assertThat(rest.get("/devices/" + id + "/rawData").ok().path("value").size()).isZero();
        assertThat(send(client, post(id, "/messages/events", "{\"after\":1}", sas)).statusCode())
                .as("the connection and the device keep working").isEqualTo(204);
    }

    @Test
    void aWrongMethodIs405AndAnUnknownEtagIs412() throws Exception {
        String id = "https-methods";
        Optional<String> sas = Optional.of(sas(id, platform.createDevice(id)));

        assertThat(send(client, HttpRequest.newBuilder(uri("/devices/" + id + "/messages/events" + API))
                .header("Authorization", sas.get()).GET()).statusCode()).isEqualTo(405);
        assertThat(send(client, settle(id, "no-such-lock", "DELETE", "", sas)).statusCode()).isEqualTo(412);
    }

    private static void queue(String id, int setPoint) {
        assertThat(rest.post("/devices/" + id + "/messages",
                Map.of("data", Map.of("setPoint", setPoint), "properties", Map.of("kind", "config"))).status())
                .isEqualTo(202);
    }

    private static String etag(HttpResponse<String> received) {
        assertThat(received.statusCode()).isEqualTo(200);
        return received.headers().firstValue("etag").orElseThrow().replace("\"", "");
    }

    private static HttpRequest.Builder post(String id, String path, String body, Optional<String> sas) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/devices/" + id + path + API))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        sas.ifPresent(token -> request.header("Authorization", token));
        return request;
    }

    private static HttpRequest.Builder get(String id, Optional<String> sas) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/devices/" + id + "/messages/deviceBound" + API)).GET();
        sas.ifPresent(token -> request.header("Authorization", token));
        return request;
    }

    private static HttpRequest.Builder settle(String id, String etag, String method, String suffix, Optional<String> sas) {
        String path = "/devices/" + id + "/messages/deviceBound/" + etag.replace("\"", "")
                + (suffix.startsWith("?") ? suffix : suffix + API);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString(" ")
                        : HttpRequest.BodyPublishers.noBody());
        sas.ifPresent(token -> request.header("Authorization", token));
        return request;
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sas(String id, String key) {
        return SasToken.sign(TestPlatform.HOST + "/devices/" + id, key, Instant.now().plusSeconds(3600).getEpochSecond());
    }

    private static URI uri(String path) {
        return URI.create("https://" + TestPlatform.HOST + ":" + platform.websocketPort() + path);
    }

    private static HttpClient client(SSLContext tls) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }
}
