package org.opencentral.platform.provisioning;

import org.opencentral.core.testing.ManualClock;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.device.SymmetricKeys;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.event.PlatformEvent;
import org.opencentral.core.provisioning.EnrollmentGroup;
import org.opencentral.core.provisioning.GroupAttestation;
import org.opencentral.core.store.StateStore;
import org.opencentral.platform.security.SasToken;
import org.opencentral.store.secret.AesGcmSecretCipher;
import org.opencentral.store.sqlite.SqliteStateStore;

/**
 * Real collaborators for the provisioning tests: a SQLite state store, a recording event log, a
 * clock the test moves, and the DPS service of ID scope {@value #SCOPE} assigning to {@value #HUB}.
 */
final class DpsFixture implements AutoCloseable {
    static final String SCOPE = "0ne00TEST01";
    static final String HUB = "iotc.example.test";
    static final String MODEL = "dtmi:com:example:Thermostat;1";

    final StateStore state;
    final ManualClock clock = new ManualClock(Instant.parse("2026-01-15T10:00:00Z"));
    final List<PlatformEvent> events = new ArrayList<>();
    final EventLog log = new RecordingLog();
    final ProvisioningService dps;

    DpsFixture(Path dir) {
        state = SqliteStateStore.open(dir.resolve("state.db"), AesGcmSecretCipher.random());
        TemplateAssigner templates = modelId -> Optional.ofNullable(Map.of(MODEL, "thermostat-template").get(modelId));
        dps = new ProvisioningService(new ProvisioningEndpoint(SCOPE, HUB), state.devices(), state.provisioning(),
                log, templates, clock);
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
        return state.devices().insert(new Device(DeviceId.of(id), id, Optional.empty(), enabled, false, false, "",
                SymmetricKeys.generate(), Optional.empty(), Device.Connection.NEVER, clock.instant()));
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

    /** An event log that keeps appended events in memory. */
    private final class RecordingLog implements EventLog {
        @Override
        public synchronized CompletableFuture<Long> append(PlatformEvent event) {
            events.add(event);
            return CompletableFuture.completedFuture((long) events.size());
        }

        @Override
        public List<LoggedEvent> read(long afterSequence, int max) {
            return List.of();
        }

        @Override
        public List<LoggedEvent> readDevice(org.opencentral.core.device.DeviceId device, long beforeSequence,
                int max) {
            return List.of();
        }

        @Override
        public long lastSequence() {
            return events.size();
        }

        @Override
        public void onAppended(Runnable listener) {
        }

        @Override
        public void close() {
        }
    }
}
