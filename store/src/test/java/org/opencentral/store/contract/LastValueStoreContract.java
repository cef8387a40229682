package org.opencentral.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencentral.store.contract.Fixtures.T0;
import static org.opencentral.store.contract.Fixtures.device;
import static org.opencentral.store.contract.Fixtures.id;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.LastValue;

public interface LastValueStoreContract extends StoreFixture {
    static LastValue value(String device, String name, int value, Instant at) {
        return new LastValue(id(device), "", name, Json.MAPPER.getNodeFactory().numberNode(value), at);
    }

    @Test
    default void upsertedValuesAreFoundPerComponentAndName() {
        store().devices().insert(device("d1"));
        LastValue temp = value("d1", "temp", 21, T0);
        LastValue inComponent = new LastValue(id("d1"), "thermostat1", "temp",
                Json.parse("{\"v\":[1,2.5,\"x\"],\"ok\":true}"), T0);

        store().lastValues().upsert(List.of(temp, inComponent));

        assertThat(store().lastValues().find(id("d1"), "", "temp")).contains(temp);
        assertThat(store().lastValues().find(id("d1"), "thermostat1", "temp")).contains(inComponent);
        assertThat(store().lastValues().find(id("d1"), "", "humidity")).isEmpty();
    }

    @Test
    default void anOlderTimestampNeverReplacesANewerValue() {
        store().devices().insert(device("d1"));
        store().lastValues().upsert(List.of(value("d1", "temp", 20, T0.plusSeconds(10))));

        store().lastValues().upsert(List.of(value("d1", "temp", 19, T0)));
        assertThat(store().lastValues().find(id("d1"), "", "temp")).contains(value("d1", "temp", 20, T0.plusSeconds(10)));

        store().lastValues().upsert(List.of(value("d1", "temp", 22, T0.plusSeconds(11)),
                value("d1", "temp", 21, T0.plusSeconds(5))));
        assertThat(store().lastValues().find(id("d1"), "", "temp")).contains(value("d1", "temp", 22, T0.plusSeconds(11)));

        store().lastValues().upsert(List.of(value("d1", "temp", 23, T0.plusSeconds(11))));
        assertThat(store().lastValues().find(id("d1"), "", "temp")).contains(value("d1", "temp", 23, T0.plusSeconds(11)));
    }

    @Test
    default void valuesOfDevicesThatNoLongerExistAreSkipped() {
        store().devices().insert(device("d1"));
        store().devices().insert(device("gone"));
        store().devices().delete(id("gone"));

        store().lastValues().upsert(List.of(value("gone", "temp", 1, T0), value("d1", "temp", 2, T0),
                value("never", "temp", 3, T0)));
        store().lastValues().upsert(List.of());

        assertThat(store().lastValues().find(id("d1"), "", "temp")).contains(value("d1", "temp", 2, T0));
        assertThat(store().lastValues().find(id("gone"), "", "temp")).isEmpty();
        assertThat(store().lastValues().find(id("never"), "", "temp")).isEmpty();
    }

    @Test
    default void aDevicesValuesAreListedByComponentThenNameUpToTheLimit() {
        store().devices().insert(device("d1"));
        store().devices().insert(device("d2"));
        LastValue humidity = value("d1", "humidity", 40, T0);
        LastValue temp = value("d1", "temp", 21, T0.plusSeconds(1));
        LastValue inComponent = new LastValue(id("d1"), "thermostat1", "temp", Json.parse("{\"lat\":1.5}"), T0);
        store().lastValues().upsert(List.of(inComponent, temp, humidity, value("d2", "temp", 9, T0)));

        assertThat(store().lastValues().list(id("d1"), 10)).containsExactly(humidity, temp, inComponent);
        assertThat(store().lastValues().list(id("d1"), 2)).containsExactly(humidity, temp);
        assertThat(store().lastValues().list(id("nobody"), 10)).isEmpty();
    }

    @Test
    default void theValuesOfManyDevicesAreFoundInOneBatchedRead() {
        List<DeviceId> ids = new ArrayList<>();
        List<LastValue> values = new ArrayList<>();
        for (int i = 0; i < 1_201; i++) {
            store().devices().insert(device("d" + i));
            ids.add(id("d" + i));
            if (i % 3 != 0) {
                values.add(value("d" + i, "temp", i, T0.plusSeconds(i)));
            }
        }
        values.add(value("d3", "humidity", 1, T0));
        values.add(new LastValue(id("d3"), "thermostat1", "temp", Json.parse("{\"lat\":1.5,\"lon\":2}"), T0));
        store().lastValues().upsert(values);
        ids.add(id("d1"));
        ids.add(id("nobody"));

        Map<DeviceId, LastValue> found = store().lastValues().find(ids, "", "temp");

        assertThat(found).hasSize(800);
        for (int i = 0; i < 1_201; i++) {
            assertThat(found.get(id("d" + i))).isEqualTo(store().lastValues().find(id("d" + i), "", "temp")
                    .orElse(null));
        }
        assertThat(store().lastValues().find(List.of(id("d3"), id("d4")), "thermostat1", "temp"))
                .containsOnlyKeys(id("d3"));
        assertThat(store().lastValues().find(List.of(), "", "temp")).isEmpty();
    }
}
