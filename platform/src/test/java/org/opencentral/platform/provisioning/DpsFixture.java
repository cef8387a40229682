package org.opencentral.platform.provisioning;

import org.opencentral.core.testing.ManualClock;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.device.SymmetricKeys;
import org.opencentral.core.event.PlatformEvent;
import org.opencentral.core.provisioning.EnrollmentGroup;
import org.opencentral.core.provisioning.GroupAttestation;
import org.opencentral.core.store.OutboxEntry;
import org.opencentral.core.store.StateStore;
import org.opencentral.platform.security.SasToken;
import org.opencentral.store.secret.AesGcmSecretCipher;
import org.opencentral.store.sqlite.SqliteStateStore;

/**
 * Real collaborators for the provisioning tests: a SQLite state store (its outbox records the events), a
 * clock the test moves, and the DPS service of ID scope {@value #SCOPE} assigning to {@value #HUB}.
 */
final class DpsFixture implements AutoCloseable {
    static final String SCOPE = "0ne00TEST01";
    static final String HUB = "iotc.example.test";
    static final String MODEL = "dtmi:com:example:Thermostat;1";

    final StateStore state;
    final ManualClock clock = new ManualClock(Instant.parse("2026-01-15T10:00:00Z"));
    final ProvisioningService dps;

    DpsFixture(Path dir) {
        state = SqliteStateStore.open(dir.resolve("state.db"), AesGcmSecretCipher.random());
        TemplateAssigner templates = modelId -> Optional.ofNullable(Map.of(MODEL, "thermostat-template").get(modelId));
        dps = new ProvisioningService(new ProvisioningEndpoint(SCOPE, HUB), state.devices(), state.provisioning(),
                state.outbox(), templates, clock);
    }

    /** A symmetric-key enrollment group; returns its keys. */
    SymmetricKeys keyGroup(String id, boolean enabled) {
        SymmetricKeys keys = SymmetricKeys.generate();
        state.provisioning().groups().insert(new EnrollmentGroup(id, id, enabled, "iot",
                new GroupAttestation.SymmetricKey(keys), "\"1\""));
        return keys;
    }

    /** A device created through the API (its own keys, no group). */
    Device device(String id, boolean enabled) {
        return state.devices().insert(Device.builder(DeviceId.of(id)).enabled(enabled).createdAt(clock.instant()).build());
    }

    /** The token the Java SDK sends: {@code sr={scope}/registrations/{id}}, one hour from now. */
    String token(String registrationId, String key) {
        return token(registrationId, key, clock.instant().plus(Duration.ofHours(1)));
    }

    String token(String registrationId, String key, Instant expiry) {
        return SasToken.sign(SCOPE + "/registrations/" + registrationId, key, expiry.getEpochSecond()) + "&skn=";
    }

    RegistrationRequest request(String registrationId, String token) {
        return new RegistrationRequest(SCOPE, registrationId, new RegistrationCredential.Sas(token),
                Optional.of(registrationId), Optional.of(MODEL));
    }

    Optional<Device> find(String id) {
        return state.devices().find(DeviceId.of(id));
    }

    @Override
    public void close() {
        state.close();
    }

    /** The events the changes recorded (in the outbox; no forwarder runs here). */
    List<PlatformEvent> events() {
        return state.outbox().pending(1000).stream().map(OutboxEntry::event).toList();
    }
}
