package org.opencentral.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.azure.sdk.iot.device.ClientOptions;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.provisioning.device.ProvisioningDeviceClientRegistrationResult;
import com.microsoft.azure.sdk.iot.provisioning.device.ProvisioningDeviceClientStatus;
import com.microsoft.azure.sdk.iot.provisioning.device.ProvisioningDeviceClientTransportProtocol;
import com.microsoft.azure.sdk.iot.provisioning.security.SecurityProvider;
import com.microsoft.azure.sdk.iot.provisioning.security.SecurityProviderSymmetricKey;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.opencentral.core.Json;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.OptionalInt;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.server.config.MqttConfig;
import org.opencentral.testkit.RestClient;
import org.opencentral.testkit.TestPlatform;

/**
 * The unmodified official Java provisioning client ({@code provisioning-device-client} with
 * {@code SecurityProviderSymmetricKey}) registers over MQTT on port 8883 with a key derived from an
 * enrollment group's, then the device SDK connects to the assigned hub and sends telemetry. The
 * only device-side configuration: our host as the global endpoint and our CA in the SSLContext.
 */
@Timeout(200) // see DpsRegistration: the client can stall 60 s per request
class ProvisioningSdkCompatibilityTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String THERMOSTAT = "dtmi:com:example:Thermostat;1";
    private static final MovableClock CLOCK = new MovableClock();
    private static TestPlatform platform;
    private static RestClient rest;
    private static String idScope;
    private static String groupKey;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(config -> config.toBuilder().mqtt(new MqttConfig(TestPlatform.HOST, 8883,
                OptionalInt.empty(), OptionalInt.of(443))).build(), CLOCK);
        rest = platform.rest();
        idScope = platform.server().identity().idScope();
        groupKey = rest.put("/enrollmentGroups/sas-devices", Map.of("displayName", "SAS devices", "type", "iot",
                "attestation", Map.of("type", "symmetricKey"))).ok().at("/attestation/symmetricKey/primaryKey").asText();
        rest.put("/enrollmentGroups/off", Map.of("displayName", "Disabled", "type", "iot", "enabled", false,
                "attestation", Map.of("type", "symmetricKey")));
        publishThermostatTemplate();
    }

    /** The template that registrations announcing {@value #THERMOSTAT} (DPS payload modelId) must get. */
    private static void publishThermostatTemplate() {
        try {
            JsonNode model = Json.MAPPER.readTree(Path.of("../testdata/dtdl/dtmi/com/example/thermostat-1.json")
                    .toFile());
            rest.put("/deviceTemplates/" + URLEncoder.encode(THERMOSTAT, StandardCharsets.UTF_8),
                    Map.of("@type", List.of("ModelDefinition", "DeviceModel"), "displayName", "Thermostat",
                            "capabilityModel", model)).ok();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void deviceRegistersWithAGroupDerivedKeyThenSendsTelemetryToItsAssignedHub() throws Exception {
        String id = "dps-thermostat-1";
        String key = derive(groupKey, id);

        ProvisioningDeviceClientRegistrationResult result = register(id, key);

        assertThat(result.getProvisioningDeviceClientStatus())
                .isEqualTo(ProvisioningDeviceClientStatus.PROVISIONING_DEVICE_STATUS_ASSIGNED);
        assertThat(result.getIothubUri()).isEqualTo(TestPlatform.HOST);
        assertThat(result.getDeviceId()).isEqualTo(id);
        assertThat(rest.get("/devices/" + id).ok().path("provisioned").asBoolean()).isTrue();
        assertThat(rest.get("/devices/" + id).ok().path("template").asText()).isEqualTo(THERMOSTAT);

        DeviceClient client = new DeviceClient("HostName=" + result.getIothubUri() + ";DeviceId=" + result.getDeviceId()
                + ";SharedAccessKey=" + key, IotHubClientProtocol.MQTT,
                ClientOptions.builder().sslContext(platform.deviceTrust()).build());
        try {
            client.open(false);
            Message message = new Message("{\"temperature\": 21.5}".getBytes(StandardCharsets.UTF_8));
            message.setContentType("application/json");
            message.setContentEncoding("utf-8");
            client.sendEvent(message);
            await().atMost(WAIT).untilAsserted(() -> assertThat(
                    rest.get("/devices/" + id + "/telemetry/temperature").ok().path("value").asDouble()).isEqualTo(21.5));
        } finally {
            client.close();
        }

        ProvisioningDeviceClientRegistrationResult again = register(id, key);
        assertThat(again.getDeviceId()).isEqualTo(id);
        assertThat(again.getCreatedDateTimeUtc()).isEqualTo(result.getCreatedDateTimeUtc());
    }

    @Test
    void aWrongDerivedKeyIsRefusedWith401AndCreatesNoDevice() throws Exception {
        String id = "dps-wrong-key";
        DpsRegistration outcome = registerExpectingFailure(id, derive(groupKey, "someone-else"));

        assertThat(outcome.error()).contains("401002");
        assertThat(rest.get("/devices/" + id).status()).isEqualTo(404);
    }

    @Test
    void aDisabledGroupEndsTheRegistrationDisabledAndCreatesNoDevice() throws Exception {
        String id = "dps-disabled-group";
        String offKey = rest.get("/enrollmentGroups/off").ok().at("/attestation/symmetricKey/primaryKey").asText();
        DpsRegistration outcome = registerExpectingFailure(id, derive(offKey, id));

        assertThat(outcome.status()).isEqualTo(ProvisioningDeviceClientStatus.PROVISIONING_DEVICE_STATUS_DISABLED);
        assertThat(rest.get("/devices/" + id).status()).isEqualTo(404);
    }

    /**
     * The SDK cannot be made to send an expired token: {@code RegisterTask} always signs
     * {@code se = now + 3600} from the device's own clock. So the server's clock runs two hours
     * ahead (a device whose clock is wrong by more than the token lifetime): the token it receives
     * has expired.
     */
    @Test
    void anExpiredTokenIsRefusedWith401AndCreatesNoDevice() throws Exception {
        String id = "dps-expired-token";
        CLOCK.moveBy(Duration.ofHours(2));
        DpsRegistration outcome;
        try {
            outcome = registerExpectingFailure(id, derive(groupKey, id));
        } finally {
            CLOCK.reset();
        }

        assertThat(outcome.error()).contains("401002");
        assertThat(rest.get("/devices/" + id).status()).isEqualTo(404);
    }

    private static ProvisioningDeviceClientRegistrationResult register(String id, String key) throws Exception {
        DpsRegistration outcome = attempt(id, key);
        assertThat(outcome.error()).as("registration error").isEmpty();
        return outcome.result();
    }

    private static DpsRegistration registerExpectingFailure(String id, String key) throws Exception {
        DpsRegistration outcome = attempt(id, key);
        assertThat(outcome.status()).isNotEqualTo(ProvisioningDeviceClientStatus.PROVISIONING_DEVICE_STATUS_ASSIGNED);
        return outcome;
    }

    @Test
    void theSameRegistrationWorksOverDpsHttpsOnPort443() throws Exception {
        String id = "dps-https-1";
        DpsRegistration outcome = attempt(id, derive(groupKey, id), ProvisioningDeviceClientTransportProtocol.HTTPS);

        assertThat(outcome.error()).as("registration error").isEmpty();
        assertThat(outcome.status()).isEqualTo(ProvisioningDeviceClientStatus.PROVISIONING_DEVICE_STATUS_ASSIGNED);
        assertThat(outcome.result().getDeviceId()).isEqualTo(id);
        assertThat(rest.get("/devices/" + id).ok().path("provisioned").asBoolean()).isTrue();
        assertThat(rest.get("/devices/" + id).ok().path("template").asText()).isEqualTo(THERMOSTAT);
    }

    private static DpsRegistration attempt(String id, String key) throws Exception {
        return attempt(id, key, ProvisioningDeviceClientTransportProtocol.MQTT);
    }

    private static DpsRegistration attempt(String id, String key, ProvisioningDeviceClientTransportProtocol protocol)
            throws Exception {
        SSLContext trust = platform.deviceTrust();
        SecurityProvider security = new SecurityProviderSymmetricKey(key.getBytes(StandardCharsets.UTF_8), id) {
            @Override
            public SSLContext getSSLContext() {
                return trust;
            }
        };
        return DpsRegistration.attempt(idScope, security, "{\"modelId\":\"" + THERMOSTAT + "\"}", protocol);
    }

    static String derive(String groupKey, String registrationId) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(groupKey), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(registrationId.getBytes(StandardCharsets.UTF_8)));
    }
}
