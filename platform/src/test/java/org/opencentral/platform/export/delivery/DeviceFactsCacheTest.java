package org.opencentral.platform.export.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.Json;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.PlatformEvent.CloudPropertiesUpdated;
import org.opencentral.core.event.PlatformEvent.DeviceLifecycle;
import org.opencentral.core.event.PlatformEvent.ReportedPropertiesUpdated;
import org.opencentral.core.event.PlatformEvent.TelemetryReceived;
import org.opencentral.core.event.PlatformEvent.TemplateLifecycle;
import org.opencentral.core.store.StateStore;
import org.opencentral.platform.export.StoredDeviceFacts;
import org.opencentral.store.secret.AesGcmSecretCipher;
import org.opencentral.store.sqlite.SqliteStateStore;

/**
 * The pipes' device facts, read from a real SQLite state store once per device and kept until an
 * event read from the log says the device (or a template) changed.
 */
class DeviceFactsCacheTest {
    private static final DeviceId HALL = DeviceId.of("hall");
    private static final DeviceId ROOF = DeviceId.of("roof");
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path directory;
    private StateStore state;
    private final List<DeviceId> lookups = new ArrayList<>();
    private DeviceFactsCache cache;

    @BeforeEach
    void open() {
        state = SqliteStateStore.open(directory.resolve("state.db"), AesGcmSecretCipher.random());
        StoredDeviceFacts stored = new StoredDeviceFacts(state);
        cache = new DeviceFactsCache(id -> {
            lookups.add(id);
            return stored.of(id);
        });
        register(HALL, "Hall");
        register(ROOF, "Roof");
    }

    @AfterEach
    void close() {
        state.close();
    }

    private void register(DeviceId id, String name) {
        state.devices().insert(Device.builder(id).displayName(name).createdAt(NOW).build());
    }

    private void rename(DeviceId id, String name) {
        Device current = state.devices().find(id).orElseThrow();
        state.devices().update(current.toBuilder().displayName(name).build(), current.etag());
    }

    private String name(DeviceId id) {
        return cache.of(id).device().map(Device::displayName).orElse("(none)");
    }

    @Test
    void aDeviceIsLookedUpOnceHoweverManyOfItsMessagesAreFormatted() {
        for (int i = 0; i < 100; i++) {
            cache.saw(new TelemetryReceived(HALL, NOW, Optional.empty(), java.util.Map.of(), java.util.Map.of(),
                    new byte[] {'{', '}'}));
            assertThat(name(HALL)).isEqualTo("Hall");
        }
        assertThat(lookups).containsExactly(HALL);
    }

    @Test
    void aChangeIsSeenOnceItsLifecycleEventIsReadAndOnlyForThatDevice() {
        assertThat(name(HALL)).isEqualTo("Hall");
        assertThat(name(ROOF)).isEqualTo("Roof");
        rename(HALL, "Main hall");
        assertThat(name(HALL)).as("events before the change still get the facts as of them").isEqualTo("Hall");

        cache.saw(new DeviceLifecycle(HALL, NOW, DeviceLifecycle.Change.UPDATED));

        assertThat(name(HALL)).isEqualTo("Main hall");
        assertThat(name(ROOF)).isEqualTo("Roof");
        assertThat(lookups).containsExactly(HALL, ROOF, HALL);
    }

    @Test
    void aDeletedDeviceHasNoRecordOnceItsDeletionIsRead() {
        assertThat(name(HALL)).isEqualTo("Hall");
        state.devices().delete(HALL);

        cache.saw(new DeviceLifecycle(HALL, NOW, DeviceLifecycle.Change.DELETED));

        assertThat(cache.of(HALL).device()).isEmpty();
    }

    @Test
    void aPropertyChangeDropsThatDevicesFactsAndATemplateChangeDropsEveryDevices() {
        name(HALL);
        name(ROOF);
        cache.saw(new ReportedPropertiesUpdated(HALL, NOW, Json.parseObject("{\"mode\":\"eco\"}"), 2));
        name(HALL);
        name(ROOF);
        assertThat(lookups).containsExactly(HALL, ROOF, HALL);

        cache.saw(new CloudPropertiesUpdated(ROOF, NOW, Optional.empty(), Json.parseObject("{\"floor\":3}")));
        name(ROOF);
        assertThat(lookups).containsExactly(HALL, ROOF, HALL, ROOF);

        cache.saw(new TemplateLifecycle("dtmi:contoso:Sensor;1", NOW, TemplateLifecycle.Change.UPDATED,
                Optional.of("\"e2\"")));
        name(HALL);
        name(ROOF);
        assertThat(lookups).containsExactly(HALL, ROOF, HALL, ROOF, HALL, ROOF);
    }
}
