package org.opencentral.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.microsoft.azure.sdk.iot.device.ClientOptions;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.provisioning.security.SecurityProvider;
import com.microsoft.azure.sdk.iot.provisioning.security.hsm.SecurityProviderX509Cert;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opencentral.server.config.MqttConfig;
import org.opencentral.testkit.RestClient;
import org.opencentral.testkit.TestCa;
import org.opencentral.testkit.TestPlatform;

/**
 * X.509 group enrollment with the unmodified SDKs: a fleet CA is uploaded to an enrollment group
 * and proven by proof of possession over the REST API; a device certificate it issued (CN = the
 * registration id) registers with the SDK's {@code SecurityProviderX509Cert} over MQTT, then
 * {@code DeviceClient} connects to the assigned hub with the same certificate ({@code x509=true})
 * and sends telemetry, over MQTT and over AMQPS (no SASL, no CBS: the TLS client certificate proves
 * the device, and opens no other device's links). A CA that was uploaded but never verified gets the DPS 401 and no device.
 * Device-side configuration only: our host, and our server CA in the SSLContexts.
 */
@Timeout(200) // see DpsRegistration: the client can stall 60 s per request
class X509ProvisioningCompatibilityTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final TestCa FLEET = new TestCa("Fleet Root CA");
    private static final TestCa UNPROVEN = new TestCa("Unproven Root CA");
    private static TestPlatform platform;
    private static RestClient rest;
    private static String idScope;
    private static X509Certificate serverCa;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(config -> config.toBuilder().mqtt(new MqttConfig(TestPlatform.HOST, 8883,
                OptionalInt.empty(), OptionalInt.of(443), OptionalInt.of(5671))).build());
        rest = platform.rest();
        idScope = platform.server().identity().idScope();
        serverCa = platform.server().tls().caCertificate();
        enrollX509Group("x509-devices", FLEET);
        proveOwnership("x509-devices", FLEET);
        enrollX509Group("unverified", UNPROVEN);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @ParameterizedTest
    @EnumSource(value = IotHubClientProtocol.class, names = {"MQTT", "AMQPS"})
    void aDeviceCertificateFromAVerifiedCaRegistersThenSendsTelemetryWithTheSameCertificate(IotHubClientProtocol protocol)
            throws Exception {
        String id = "x509-sensor-" + protocol.name().toLowerCase(java.util.Locale.ROOT);
        TestCa.Issued device = FLEET.issue(id);

        DpsRegistration registration = DpsRegistration.attempt(idScope, x509(device), "{\"modelId\":\"dtmi:com:example:Thermostat;1\"}");

        assertThat(registration.error()).as("registration error").isEmpty();
        assertThat(registration.assigned()).isTrue();
        assertThat(registration.result().getIothubUri()).isEqualTo(TestPlatform.HOST);
        assertThat(registration.result().getDeviceId()).isEqualTo(id);
        assertThat(rest.get("/devices/" + id).ok().path("provisioned").asBoolean()).isTrue();

        DeviceClient client = new DeviceClient("HostName=" + registration.result().getIothubUri() + ";DeviceId="
                + registration.result().getDeviceId() + ";x509=true", protocol,
                ClientOptions.builder().sslContext(device.sslContext(serverCa)).build());
        try {
            client.open(false);
            Message message = new Message("{\"temperature\": 19.25}".getBytes(StandardCharsets.UTF_8));
            message.setContentType("application/json");
            message.setContentEncoding("utf-8");
            client.sendEvent(message);
            await().atMost(WAIT).untilAsserted(() -> assertThat(
                    rest.get("/devices/" + id + "/telemetry/temperature").ok().path("value").asDouble()).isEqualTo(19.25));
        } finally {
            client.close();
        }
    }

    @Test
    void overAmqpsADeviceCertificateOpensNoOtherDevice() throws Exception {
        TestCa.Issued device = FLEET.issue("x509-amqp-owner");
        assertThat(DpsRegistration.attempt(idScope, x509(device), "{}").assigned()).isTrue();
        assertThat(DpsRegistration.attempt(idScope, x509(FLEET.issue("x509-amqp-other")), "{}").assigned()).isTrue();

        DeviceClient impostor = new DeviceClient("HostName=" + TestPlatform.HOST + ";DeviceId=x509-amqp-other;x509=true",
                IotHubClientProtocol.AMQPS, ClientOptions.builder().sslContext(device.sslContext(serverCa)).build());
        try {
            assertThatThrownBy(() -> impostor.open(false)).isInstanceOf(IotHubClientException.class)
                    .hasStackTraceContaining("no valid put-token on $cbs nor an accepted client certificate");
        } finally {
            impostor.close();
        }
    }

    @Test
    void aCertificateFromAnUnverifiedCaIsRefusedWith401AndCreatesNoDevice() throws Exception {
        String id = "x509-unproven-1";
        assertThat(rest.get("/enrollmentGroups/unverified/certificates/primary").ok().path("verified").asBoolean())
                .isFalse();

        DpsRegistration registration = DpsRegistration.attempt(idScope, x509(UNPROVEN.issue(id)), "{}");

        assertThat(registration.assigned()).isFalse();
        assertThat(registration.error()).contains("401002");
        assertThat(rest.get("/devices/" + id).status()).isEqualTo(404);
    }

    @Test
    void aCertificateWhoseCommonNameIsNotTheRegistrationIdIsRefused() throws Exception {
        TestCa.Issued device = FLEET.issue("x509-sensor-2");
        SecurityProvider claimsAnother = new SecurityProviderX509Cert(device.certificate(), device.key(), List.of()) {
            @Override
            public String getRegistrationId() {
                return "x509-impostor";
            }

            @Override
            public SSLContext getSSLContext() {
                return device.sslContext(serverCa);
            }
        };

        DpsRegistration registration = DpsRegistration.attempt(idScope, claimsAnother, "{}");

        assertThat(registration.error()).contains("401002");
        assertThat(rest.get("/devices/x509-impostor").status()).isEqualTo(404);
    }

    /**
     * The SDK's X.509 provider, unmodified except for trust: its own {@code getSSLContext()} presents
     * the device certificate but trusts only the JVM's CAs, so the override adds our server CA.
     */
    private static SecurityProvider x509(TestCa.Issued device) {
        return new SecurityProviderX509Cert(device.certificate(), device.key(), List.of()) {
            @Override
            public SSLContext getSSLContext() {
                return device.sslContext(serverCa);
            }
        };
    }

    private static void enrollX509Group(String groupId, TestCa ca) {
        rest.put("/enrollmentGroups/" + groupId, Map.of("displayName", groupId, "type", "iot", "attestation",
                Map.of("type", "x509", "x509", Map.of("signingCertificates",
                        Map.of("primary", Map.of("certificate", ca.pem())))))).ok();
    }

    private static void proveOwnership(String groupId, TestCa ca) {
        String certificate = "/enrollmentGroups/" + groupId + "/certificates/primary";
        String code = rest.post(certificate + "/generateVerificationCode", Map.of()).ok()
                .path("verificationCode").asText();
        rest.post(certificate + "/verify", Map.of("certificate", TestCa.pem(ca.issue(code).certificate()))).ok();
        assertThat(rest.get(certificate).ok().path("verified").asBoolean()).isTrue();
    }
}
