package org.opencentral.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.Json;
import org.opencentral.testkit.RestClient;
import org.opencentral.testkit.TestCa;
import org.opencentral.testkit.TestPlatform;

/**
 * DPS's HTTPS variant (reference §2.2) on the WebSocket listener: register (202 + Retry-After),
 * poll the operation (200 RegistrationOperationStatus), authenticated by a SAS token in the
 * {@code Authorization} header or by the TLS client certificate.
 */
@Timeout(60)
class DpsHttpsTest {
    private static final String API = "?api-version=2019-03-31";
    private static final TestCa FLEET = new TestCa("HTTPS Fleet CA");
    private static TestPlatform platform;
    private static RestClient rest;
    private static String idScope;
    private static String groupKey;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start();
        rest = platform.rest();
        idScope = platform.server().identity().idScope();
        groupKey = rest.put("/enrollmentGroups/https-sas", Map.of("displayName", "HTTPS SAS", "type", "iot",
                "attestation", Map.of("type", "symmetricKey"))).ok().at("/attestation/symmetricKey/primaryKey").asText();
        rest.put("/enrollmentGroups/https-x509", Map.of("displayName", "HTTPS X.509", "type", "iot", "attestation",
                Map.of("type", "x509", "x509", Map.of("signingCertificates",
                        Map.of("primary", Map.of("certificate", FLEET.pem())))))).ok();
        String certificate = "/enrollmentGroups/https-x509/certificates/primary";
        String code = rest.post(certificate + "/generateVerificationCode", Map.of()).ok().path("verificationCode").asText();
        rest.post(certificate + "/verify", Map.of("certificate", TestCa.pem(FLEET.issue(code).certificate()))).ok();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void aDeviceRegistersWithASasTokenThenPollsItsAssignment() throws Exception {
        String id = "https-sensor-1";
        Optional<String> sas = Optional.of(sas(id, derive(groupKey, id), Instant.now().plusSeconds(3600)));
        HttpClient client = client(platform.deviceTrust());

        HttpResponse<String> accepted = register(client, id, sas);

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.headers().firstValue("retry-after")).hasValue("1");
        JsonNode operation = Json.parse(accepted.body());
        assertThat(operation.path("status").asText()).isEqualTo("assigning");

        HttpResponse<String> done = status(client, id, operation.path("operationId").asText(), sas);

        assertThat(done.statusCode()).isEqualTo(200);
        JsonNode state = Json.parse(done.body()).path("registrationState");
        assertThat(Json.parse(done.body()).path("status").asText()).isEqualTo("assigned");
        assertThat(state.path("deviceId").asText()).isEqualTo(id);
        assertThat(state.path("assignedHub").asText()).isEqualTo(platform.config().publicHost());
        assertThat(rest.get("/devices/" + id).ok().path("provisioned").asBoolean()).isTrue();
    }

    @Test
    void aWrongKeyIsRefusedWith401AndCreatesNoDevice() throws Exception {
        String id = "https-wrong-key";
        Optional<String> sas = Optional.of(sas(id, derive(groupKey, "someone-else"), Instant.now().plusSeconds(3600)));

        HttpResponse<String> refused = register(client(platform.deviceTrust()), id, sas);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(Json.parse(refused.body()).path("errorCode").asInt()).isEqualTo(401002);
        assertThat(rest.get("/devices/" + id).status()).isEqualTo(404);
    }

    @Test
    void anExpiredTokenIsRefusedWith401() throws Exception {
        String id = "https-expired";
        Optional<String> sas = Optional.of(sas(id, derive(groupKey, id), Instant.now().minusSeconds(60)));

        assertThat(register(client(platform.deviceTrust()), id, sas).statusCode()).isEqualTo(401);
        assertThat(rest.get("/devices/" + id).status()).isEqualTo(404);
    }

    @Test
    void aDeviceRegistersWithItsTlsClientCertificate() throws Exception {
        String id = "https-x509-1";
        HttpClient client = client(FLEET.issue(id).sslContext(platform.server().tls().caCertificate()));

        HttpResponse<String> accepted = register(client, id, Optional.empty());

        assertThat(accepted.statusCode()).isEqualTo(202);
        HttpResponse<String> done = status(client, id, Json.parse(accepted.body()).path("operationId").asText(),
                Optional.empty());
        assertThat(Json.parse(done.body()).at("/registrationState/deviceId").asText()).isEqualTo(id);
        assertThat(rest.get("/devices/" + id).ok().path("provisioned").asBoolean()).isTrue();
    }

    @Test
    void aDeviceWithItsOwnCertificateShowsItInItsCredentialsAndRegistersWithIt() throws Exception {
        String id = "https-own-cert-1";
        TestCa.Issued own = new TestCa("Self-managed CA").issue(id);
        rest.put("/devices/" + id, Map.of("displayName", id)).ok();
        rest.put("/devices/" + id + "/attestation", Map.of("type", "x509", "x509", Map.of("clientCertificates",
                Map.of("primary", Map.of("certificate", TestCa.pem(own.certificate())))))).ok();

        JsonNode credentials = rest.get("/devices/" + id + "/credentials").ok();

        String thumbprint = java.util.HexFormat.of().withUpperCase().formatHex(
                java.security.MessageDigest.getInstance("SHA-1").digest(own.certificate().getEncoded()));
        assertThat(credentials.path("idScope").asText()).isEqualTo(idScope);
        assertThat(credentials.at("/x509/clientCertificates/primary/info/sha1Thumbprint").asText()).isEqualTo(thumbprint);
        assertThat(credentials.at("/x509/clientCertificates/secondary").isMissingNode()).isTrue();
        HttpResponse<String> accepted = register(client(own.sslContext(platform.server().tls().caCertificate())), id,
                Optional.empty());
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(rest.get("/devices/dps-no-x509-1/credentials").status()).isEqualTo(404);
    }

    @Test
    void anUnknownOperationIs404AndAWrongMethodIs405() throws Exception {
        String id = "https-sensor-2";
        Optional<String> sas = Optional.of(sas(id, derive(groupKey, id), Instant.now().plusSeconds(3600)));
        HttpClient client = client(platform.deviceTrust());

        assertThat(status(client, id, "5.0.no-such-operation", sas).statusCode()).isEqualTo(404);
        HttpResponse<String> wrongMethod = client.send(HttpRequest.newBuilder(uri("/" + idScope + "/registrations/"
                + id + "/register" + API)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
    }

    private static HttpResponse<String> register(HttpClient client, String id, Optional<String> sas) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/" + idScope + "/registrations/" + id + "/register" + API))
                .header("Content-Type", "application/json; charset=utf-8")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"registrationId\":\"" + id
                        + "\",\"payload\":{\"modelId\":\"dtmi:com:example:Thermostat;1\"}}"));
        sas.ifPresent(token -> request.header("Authorization", token));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> status(HttpClient client, String id, String operationId, Optional<String> sas)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/" + idScope + "/registrations/" + id
                + "/operations/" + operationId + API)).GET();
        sas.ifPresent(token -> request.header("Authorization", token));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("https://" + TestPlatform.HOST + ":" + platform.websocketPort() + path);
    }

    private static HttpClient client(SSLContext tls) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static String sas(String registrationId, String key, Instant expiry) throws Exception {
        String resource = idScope + "/registrations/" + registrationId;
        long se = expiry.getEpochSecond();
        String signature = Base64.getEncoder().encodeToString(hmac(key, resource + "\n" + se));
        return "SharedAccessSignature sr=" + URLEncoder.encode(resource, StandardCharsets.UTF_8) + "&sig="
                + URLEncoder.encode(signature, StandardCharsets.UTF_8) + "&se=" + se + "&skn=registration";
    }

    private static String derive(String groupKey, String registrationId) throws Exception {
        return Base64.getEncoder().encodeToString(hmac(groupKey, registrationId));
    }

    private static byte[] hmac(String base64Key, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(base64Key), "HmacSHA256"));
        return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }
}
