package org.opencentral.platform.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.SymmetricKeys;
import org.opencentral.core.event.PlatformEvent.DeviceLifecycle;
import org.opencentral.core.event.PlatformEvent.DeviceLifecycle.Change;
import org.opencentral.core.provisioning.Registration;

/** The DPS state machine: 202 → poll → assigned or disabled, refusals, re-registration, throttling. */
@Timeout(30)
class ProvisioningServiceTest {
    @TempDir
    Path dir;
    DpsFixture dps;
    SymmetricKeys group;

    @BeforeEach
    void open() {
        dps = new DpsFixture(dir);
        group = dps.keyGroup("sas-devices", true);
    }

    @AfterEach
    void close() {
        dps.close();
    }

    @Test
    void registerAnswers202ThenThePollReturnsTheAssignment() {
        String key = KeyDerivation.deviceKey(group.primaryKey(), "thermostat-1");
        String token = dps.token("thermostat-1", key);

        DpsResponse accepted = dps.dps.register(dps.request("thermostat-1", token));

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.retryAfterSeconds()).isEqualTo(OptionalInt.of(1));
        assertThat(accepted.body().path("status").asText()).isEqualTo("assigning");
        ObjectNode done = poll("thermostat-1", accepted, token);
        assertThat(done.path("status").asText()).isEqualTo("assigned");
        assertThat(done.at("/registrationState/assignedHub").asText()).isEqualTo(DpsFixture.HUB);
        assertThat(done.at("/registrationState/deviceId").asText()).isEqualTo("thermostat-1");
        Device device = dps.find("thermostat-1").orElseThrow();
        assertThat(device.enabled()).isTrue();
        assertThat(device.provisioned()).isTrue();
        assertThat(device.keys()).isEqualTo(KeyDerivation.deviceKeys(group, "thermostat-1"));
        assertThat(device.template()).hasValue("thermostat-template");
        assertThat(dps.events()).containsExactly(new DeviceLifecycle(device.id(), dps.clock.instant(), Change.CREATED));
    }

    @Test
    void registeringAgainReturnsTheSameAssignmentAndCreatesNothing() {
        String token = dps.token("thermostat-2", KeyDerivation.deviceKey(group.primaryKey(), "thermostat-2"));
        ObjectNode first = assign("thermostat-2", token);
        dps.clock.advance(Duration.ofMinutes(5));

        ObjectNode again = assign("thermostat-2", token);

        assertThat(again.at("/registrationState/deviceId").asText()).isEqualTo("thermostat-2");
        assertThat(again.at("/registrationState/createdDateTimeUtc"))
                .isEqualTo(first.at("/registrationState/createdDateTimeUtc"));
        assertThat(again.path("operationId")).isNotEqualTo(first.path("operationId"));
        assertThat(dps.events()).hasSize(1);
    }

    @Test
    void aDisabledGroupEndsTheOperationDisabledAndCreatesNoDevice() {
        SymmetricKeys off = dps.keyGroup("off", false);
        String token = dps.token("in-off-group", KeyDerivation.deviceKey(off.primaryKey(), "in-off-group"));

        ObjectNode done = assign("in-off-group", token);

        assertThat(done.path("status").asText()).isEqualTo("disabled");
        assertThat(done.at("/registrationState/errorMessage").asText()).contains("group is disabled");
        assertThat(dps.find("in-off-group")).isEmpty();
    }

    @Test
    void aDisabledDeviceIsRefusedWithItsOwnKeys() {
        Device blocked = dps.device("blocked-1", false);

        ObjectNode done = assign("blocked-1", dps.token("blocked-1", blocked.keys().primaryKey()));

        assertThat(done.path("status").asText()).isEqualTo("disabled");
        assertThat(done.at("/registrationState/errorMessage").asText()).contains("device is disabled");
    }

    @Test
    void withoutAutoApprovalTheDeviceWaitsUntilAnOperatorEnablesIt() {
        dps.state.provisioning().settings().setAutoApprove(false);
        String token = dps.token("pending-1", KeyDerivation.deviceKey(group.primaryKey(), "pending-1"));

        ObjectNode waiting = assign("pending-1", token);

        assertThat(waiting.path("status").asText()).isEqualTo("disabled");
        assertThat(waiting.at("/registrationState/errorMessage").asText()).contains("waiting for approval");
        Device device = dps.find("pending-1").orElseThrow();
        assertThat(device.enabled()).isFalse();
        assertThat(device.provisioned()).isFalse();
        assertThat(dps.state.provisioning().registrations().find("pending-1").orElseThrow().status())
                .isEqualTo(Registration.Status.WAITING_FOR_APPROVAL);

        dps.state.devices().update(device.toBuilder().enabled(true).build(),
                device.etag());
        ObjectNode approved = assign("pending-1", token);

        assertThat(approved.path("status").asText()).isEqualTo("assigned");
        assertThat(dps.find("pending-1").orElseThrow().provisioned()).isTrue();
    }

    @Test
    void aDeviceThatRegistersInALoopIsThrottledWith429UntilTheMinuteIsOver() {
        String token = dps.token("looping-1", KeyDerivation.deviceKey(group.primaryKey(), "looping-1"));
        for (int i = 0; i < RegistrationThrottle.PER_MINUTE; i++) {
            assertThat(dps.dps.register(dps.request("looping-1", token)).status()).isEqualTo(202);
        }

        DpsResponse throttled = dps.dps.register(dps.request("looping-1", token));

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.retryAfterSeconds()).hasValue(60);
        dps.clock.advance(Duration.ofSeconds(61));
        assertThat(dps.dps.register(dps.request("looping-1", token)).status()).isEqualTo(202);
    }

    @Test
    void refusedCredentialsAre401AndCreateNothing() {
        String key = KeyDerivation.deviceKey(group.primaryKey(), "refused-1");
        String wrongKey = KeyDerivation.deviceKey(group.primaryKey(), "someone-else");
        String expired = dps.token("refused-1", key, dps.clock.instant().minusSeconds(1));
        RegistrationRequest otherScope = new RegistrationRequest("0ne00OTHER", "refused-1",
                new RegistrationCredential.Sas(dps.token("refused-1", key)), Optional.empty(), Optional.empty());

        for (DpsResponse refused : java.util.List.of(
                dps.dps.register(dps.request("refused-1", dps.token("refused-1", wrongKey))),
                dps.dps.register(dps.request("refused-1", expired)),
                dps.dps.register(dps.request("refused-1", "not a token")),
                dps.dps.register(otherScope))) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.body().path("errorCode").asInt()).isEqualTo(401002);
        }
        assertThat(dps.find("refused-1")).isEmpty();
        assertThat(dps.events()).isEmpty();
    }

    @Test
    void aBodyNamingAnotherRegistrationIs400() {
        String token = dps.token("body-1", KeyDerivation.deviceKey(group.primaryKey(), "body-1"));
        RegistrationRequest request = new RegistrationRequest(DpsFixture.SCOPE, "body-1",
                new RegistrationCredential.Sas(token), Optional.of("body-2"), Optional.empty());

        assertThat(dps.dps.register(request).status()).isEqualTo(400);
    }

    @Test
    void anOperationIsOnlyVisibleToItsRegistrationAndUntilItExpires() {
        String token = dps.token("owner-1", KeyDerivation.deviceKey(group.primaryKey(), "owner-1"));
        String operationId = dps.dps.register(dps.request("owner-1", token)).body().path("operationId").asText();
        String otherToken = dps.token("owner-2", KeyDerivation.deviceKey(group.primaryKey(), "owner-2"));

        assertThat(status("owner-2", operationId, otherToken).status()).isEqualTo(404);
        assertThat(status("owner-1", operationId, token).status()).isEqualTo(200);
        dps.clock.advance(RegistrationOperations.TTL.plusSeconds(1));
        dps.dps.runOnce();
        assertThat(status("owner-1", operationId, dps.token("owner-1",
                KeyDerivation.deviceKey(group.primaryKey(), "owner-1"))).status()).isEqualTo(404);
    }

    private ObjectNode assign(String id, String token) {
        DpsResponse accepted = dps.dps.register(dps.request(id, token));
        assertThat(accepted.status()).as("register").isEqualTo(202);
        return poll(id, accepted, token);
    }

    private ObjectNode poll(String id, DpsResponse accepted, String token) {
        DpsResponse done = status(id, accepted.body().path("operationId").asText(), token);
        assertThat(done.status()).as("operation status").isEqualTo(200);
        return done.body();
    }

    private DpsResponse status(String id, String operationId, String token) {
        return dps.dps.operationStatus(DpsFixture.SCOPE, id, operationId, new RegistrationCredential.Sas(token));
    }
}
