package org.opencentral.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencentral.store.contract.Fixtures.T0;
import static org.opencentral.store.contract.Fixtures.assertFails;
import static org.opencentral.store.contract.Fixtures.device;
import static org.opencentral.store.contract.Fixtures.id;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.SasCredentials;
import org.opencentral.core.device.SimulationInterval;
import org.opencentral.core.device.SymmetricKeys;
import org.opencentral.core.store.ConnectionChange;
import org.opencentral.core.store.DeviceListQuery;
import org.opencentral.core.store.Page;
import org.opencentral.core.twin.Twin;

public interface DeviceStoreContract extends StoreFixture {
    @Test
    default void insertedDeviceIsFoundWithAnEmptyTwin() {
        Device device = device("thermostat-1").withModelId(Optional.of("dtmi:com:example:Thermostat;1"))
                .withConnection(new Device.Connection(true, Optional.of(T0.plusSeconds(5))));

        assertThat(store().devices().insert(device)).isEqualTo(device);
        assertThat(store().devices().find(id("thermostat-1"))).contains(device);
        assertThat(store().twins().find(id("thermostat-1"))).contains(Twin.empty(id("thermostat-1")));
        assertThat(store().devices().find(id("unknown"))).isEmpty();
        assertThat(store().devices().exists(id("thermostat-1"))).isTrue();
        assertThat(store().devices().exists(id("unknown"))).isFalse();
    }

    @Test
    default void optionalFieldsRoundTripWhenAbsent() {
        Device bare = Device.builder(id("bare")).displayName("").disabled().simulated().provisioned().etag("e1")
                .keys(Fixtures.KEYS).createdAt(T0).build();

        store().devices().insert(bare);

        assertThat(store().devices().find(id("bare"))).contains(bare);
    }

    @Test
    default void insertMakesAnEtagWhenBlankAndTruncatesInstantsToMilliseconds() {
        Device device = Device.builder(id("d")).keys(Fixtures.KEYS)
                .createdAt(Instant.parse("2026-11-26T10:00:00.123456789Z")).build();

        Device stored = store().devices().insert(device);

        assertThat(stored.etag()).isNotBlank();
        assertThat(stored.createdAt()).isEqualTo(T0);
        assertThat(store().devices().find(id("d"))).contains(stored);
    }

    @Test
    default void insertingAnExistingIdIsAConflict() {
        store().devices().insert(device("d1"));

        assertFails(ErrorCode.CONFLICT, () -> store().devices().insert(device("d1")));
        assertThat(store().devices().count()).isEqualTo(1);
    }

    @Test
    default void updateWithTheCurrentEtagReplacesTheRecordAndChangesTheEtag() {
        Device stored = store().devices().insert(device("d1"));
        recordConnection(new ConnectionChange(id("d1"), true, T0.plusSeconds(1), Optional.of("dtmi:a;1")));
        Device changed = Device.builder(id("d1")).displayName("Renamed").disabled().simulated().provisioned()
                .etag(stored.etag()).modelId(Optional.of("ignored")).createdAt(T0.plusSeconds(99)).build();

        Device updated = store().devices().update(changed, stored.etag());

        assertThat(updated.etag()).isNotEqualTo(stored.etag());
        assertThat(updated.displayName()).isEqualTo("Renamed");
        assertThat(updated.template()).isEmpty();
        assertThat(updated.enabled()).isFalse();
        assertThat(updated.simulated()).isTrue();
        assertThat(updated.provisioned()).isTrue();
        assertThat(updated.keys()).isEqualTo(changed.keys());
        assertThat(updated.connection()).isEqualTo(new Device.Connection(true, Optional.of(T0.plusSeconds(1))));
        assertThat(updated.modelId()).contains("dtmi:a;1");
        assertThat(updated.createdAt()).isEqualTo(T0);
        assertThat(store().devices().find(id("d1"))).contains(updated);
    }

    @Test
    default void theSimulationIntervalIsStoredChangedAndClearedWithTheRecord() {
        Device stored = store().devices().insert(withInterval(device("sim"), Optional.of(
                SimulationInterval.ofMillis(2_500))));
        assertThat(store().devices().find(id("sim")).orElseThrow().simulationInterval())
                .contains(SimulationInterval.ofMillis(2_500));

        Device daily = store().devices().update(withInterval(stored, Optional.of(
                new SimulationInterval(Duration.ofDays(1)))), stored.etag());
        assertThat(store().devices().find(id("sim")).orElseThrow().simulationInterval())
                .contains(new SimulationInterval(Duration.ofDays(1)));
        recordConnection(new ConnectionChange(id("sim"), true, T0.plusSeconds(1), Optional.empty()));
        store().devices().recordActivity(List.of(id("sim")), T0.plusSeconds(2));
        assertThat(store().devices().find(id("sim")).orElseThrow().simulationInterval()).isEqualTo(
                daily.simulationInterval());

        store().devices().update(withInterval(daily, Optional.empty()), daily.etag());
        assertThat(store().devices().find(id("sim")).orElseThrow().simulationInterval()).isEmpty();
        assertThat(store().devices().find(id("sim"))).map(Device::simulated).contains(true);
    }

    private static Device withInterval(Device device, Optional<SimulationInterval> interval) {
        return device.toBuilder().simulated().simulationInterval(interval).build();
    }

    @Test
    default void updateKeepsAnEtagTheCallerChose() {
        Device stored = store().devices().insert(device("d1"));
        Device changed = Device.builder(id("d1")).displayName("x").etag("caller-etag").keys(Fixtures.KEYS)
                .createdAt(T0).build();

        assertThat(store().devices().update(changed, stored.etag()).etag()).isEqualTo("caller-etag");
    }

    @Test
    default void updateWithAStaleEtagFailsThePrecondition() {
        Device stored = store().devices().insert(device("d1"));
        store().devices().update(stored, stored.etag());

        assertFails(ErrorCode.PRECONDITION_FAILED, () -> store().devices().update(stored, stored.etag()));
    }

    @Test
    default void updateOfAnUnknownDeviceIsNotFound() {
        assertFails(ErrorCode.NOT_FOUND, () -> store().devices().update(device("ghost"), "etag-ghost"));
    }

    @Test
    default void concurrentUpdatesWithTheSameEtagLetExactlyOneWin() throws Exception {
        Device stored = store().devices().insert(device("d1"));

        List<Boolean> outcomes = Concurrently.run(8, i -> {
            Device change = Device.builder(id("d1")).displayName("writer " + i).etag(stored.etag())
                    .keys(Fixtures.KEYS).createdAt(T0).build();
            try {
                store().devices().update(change, stored.etag());
                return true;
            } catch (org.opencentral.core.DomainException e) {
                assertThat(e.code()).isEqualTo(ErrorCode.PRECONDITION_FAILED);
                return false;
            }
        });

        assertThat(outcomes).containsOnlyOnce(true);
    }

    @Test
    default void deleteRemovesTheDeviceAndCascades() {
        store().devices().insert(device("d1"));
        store().devices().insert(device("d2"));
        store().c2d().enqueue(C2dQueueStoreContract.message("d1", "m1", T0));
        store().lastValues().upsert(List.of(LastValueStoreContract.value("d1", "temp", 21, T0)));

        assertThat(store().devices().delete(id("d1"))).isTrue();
        assertThat(store().devices().delete(id("d1"))).isFalse();

        assertThat(store().devices().find(id("d1"))).isEmpty();
        assertThat(store().devices().exists(id("d1"))).isFalse();
        assertThat(store().twins().find(id("d1"))).isEmpty();
        assertThat(store().c2d().countPending(id("d1"), T0)).isZero();
        assertThat(store().lastValues().find(id("d1"), "", "temp")).isEmpty();
        assertThat(store().devices().find(id("d2"))).isPresent();

        store().devices().insert(device("d1"));
        assertThat(store().twins().find(id("d1"))).contains(Twin.empty(id("d1")));
        assertThat(store().c2d().pending(id("d1"), T0, 10)).isEmpty();
    }

    @Test
    default void listPagesByIdAfterTheCursor() {
        for (String name : List.of("c", "a", "e", "b", "d")) {
            store().devices().insert(device(name));
        }

        DeviceListQuery query = DeviceListQuery.all(2);
        Page<Device> first = store().devices().list(query);
        Page<Device> second = store().devices().list(query.after(first.next()));
        Page<Device> third = store().devices().list(query.after(second.next()));

        assertThat(first.items()).extracting(d -> d.id().value()).containsExactly("a", "b");
        assertThat(second.items()).extracting(d -> d.id().value()).containsExactly("c", "d");
        assertThat(third.items()).extracting(d -> d.id().value()).containsExactly("e");
        assertThat(third.next()).isEmpty();
        assertThat(store().devices().count()).isEqualTo(5);
    }

    @Test
    default void listBoundaries() {
        assertThat(store().devices().list(DeviceListQuery.all(10)))
                .isEqualTo(new Page<Device>(List.of(), Optional.empty()));
        for (String name : List.of("A", "a", "B", "b")) {
            store().devices().insert(device(name));
        }

        Page<Device> exact = store().devices().list(DeviceListQuery.all(4));
        assertThat(exact.items()).extracting(d -> d.id().value()).containsExactly("A", "B", "a", "b");
        assertThat(exact.next()).isEmpty();
        Page<Device> firstTwo = store().devices().list(DeviceListQuery.all(2));
        assertThat(store().devices().list(DeviceListQuery.all(1).after(firstTwo.next())).items())
                .extracting(d -> d.id().value()).containsExactly("a");
        assertThatThrownBy(() -> DeviceListQuery.all(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    default void connectionsAreRecordedWithoutChangingTheEtag() {
        Device stored = store().devices().insert(device("d1"));

        recordConnection(new ConnectionChange(id("d1"), true, T0.plusSeconds(10), Optional.of("dtmi:a;1")));
        Device connected = store().devices().find(id("d1")).orElseThrow();
        recordConnection(new ConnectionChange(id("d1"), false, T0.plusSeconds(20), Optional.empty()));
        Device disconnected = store().devices().find(id("d1")).orElseThrow();
        recordConnection(new ConnectionChange(id("d1"), true, T0.plusSeconds(30), Optional.empty()));
        Device reconnected = store().devices().find(id("d1")).orElseThrow();
        recordConnection(new ConnectionChange(id("unknown"), true, T0, Optional.empty()));

        assertThat(connected.connection()).isEqualTo(new Device.Connection(true, Optional.of(T0.plusSeconds(10))));
        assertThat(connected.modelId()).contains("dtmi:a;1");
        assertThat(connected.etag()).isEqualTo(stored.etag());
        assertThat(disconnected.connection()).isEqualTo(new Device.Connection(false, Optional.of(T0.plusSeconds(20))));
        assertThat(disconnected.modelId()).contains("dtmi:a;1");
        assertThat(reconnected.connection().connected()).isTrue();
        assertThat(reconnected.modelId()).isEmpty();
    }

    @Test
    default void credentialsAreTheCommittedKeysAndEnabledFlag() {
        Device stored = store().devices().insert(device("d1"));
        assertThat(store().devices().credentials(id("d1"))).contains(new SasCredentials(stored.keys(), true));

        SymmetricKeys rotated = SymmetricKeys.generate();
        Device updated = store().devices().update(stored.withKeys(rotated).toBuilder().enabled(false).build(),
                stored.etag());
        assertThat(store().devices().credentials(id("d1"))).contains(new SasCredentials(rotated, false));

        store().devices().delete(id("d1"));
        assertThat(store().devices().credentials(id("d1"))).isEmpty();
        assertThat(store().devices().credentials(id("unknown"))).isEmpty();
        assertThat(updated.keys()).isEqualTo(rotated);
    }

    @Test
    default void connectionsRecordedTogetherApplyInTheirOrder() {
        Device stored = store().devices().insert(device("d1"));
        store().devices().insert(device("d2"));

        store().devices().recordConnections(List.of(
                new ConnectionChange(id("d1"), true, T0.plusSeconds(10), Optional.of("dtmi:a;1")),
                new ConnectionChange(id("d2"), true, T0.plusSeconds(10), Optional.of("dtmi:b;1")),
                new ConnectionChange(id("unknown"), true, T0, Optional.empty()),
                new ConnectionChange(id("d1"), false, T0.plusSeconds(20), Optional.empty()),
                new ConnectionChange(id("d2"), false, T0.plusSeconds(5), Optional.of("dtmi:c;1")),
                new ConnectionChange(id("d1"), true, T0.plusSeconds(30), Optional.empty())));
        store().devices().recordConnections(List.of());

        Device d1 = store().devices().find(id("d1")).orElseThrow();
        Device d2 = store().devices().find(id("d2")).orElseThrow();
        assertThat(d1.connection()).isEqualTo(new Device.Connection(true, Optional.of(T0.plusSeconds(30))));
        assertThat(d1.modelId()).isEmpty();
        assertThat(d1.etag()).isEqualTo(stored.etag());
        assertThat(d2.connection()).isEqualTo(new Device.Connection(false, Optional.of(T0.plusSeconds(10))));
        assertThat(d2.modelId()).contains("dtmi:c;1");
        assertThat(store().devices().exists(id("unknown"))).isFalse();
    }

    @Test
    default void activityIsRecordedInBatchesAndNeverMovesBack() {
        store().devices().insert(device("d1"));
        store().devices().insert(device("d2"));
        store().devices().insert(device("d3"));
        Instant later = T0.plus(Duration.ofMinutes(5));

        store().devices().recordActivity(List.of(id("d1"), id("d2"), id("ghost"), id("d1")), later);
        store().devices().recordActivity(List.of(id("d1")), T0);
        store().devices().recordActivity(List.of(), T0);

        assertThat(store().devices().find(id("d1")).orElseThrow().connection().lastActivity()).contains(later);
        assertThat(store().devices().find(id("d2")).orElseThrow().connection().lastActivity()).contains(later);
        assertThat(store().devices().find(id("d3")).orElseThrow().connection().lastActivity()).isEmpty();
    }

    @Test
    default void resetConnectionsMarksEveryDeviceDisconnected() {
        store().devices().insert(device("d1"));
        store().devices().insert(device("d2"));
        recordConnection(new ConnectionChange(id("d1"), true, T0, Optional.empty()));
        recordConnection(new ConnectionChange(id("d2"), true, T0, Optional.empty()));

        store().devices().resetConnections();

        assertThat(store().devices().list(DeviceListQuery.all(10)).items())
                .allSatisfy(d -> assertThat(d.connection().connected()).isFalse());
        assertThat(store().devices().find(id("d1")).orElseThrow().connection().lastActivity()).contains(T0);
    }

    /** One connect or disconnect, recorded on its own. */
    private void recordConnection(ConnectionChange change) {
        store().devices().recordConnections(List.of(change));
    }
}
