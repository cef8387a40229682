package org.opencentral.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencentral.store.contract.Fixtures.assertFails;
import static org.opencentral.store.contract.Fixtures.device;
import static org.opencentral.store.contract.Fixtures.id;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.Json;
import org.opencentral.core.twin.Twin;
import org.opencentral.core.twin.TwinSection;

public interface TwinStoreContract extends StoreFixture {
    private static TwinSection section(String json, long version) {
        ObjectNode properties = Json.parseObject(json);
        ObjectNode metadata = Json.object();
        properties.fieldNames().forEachRemaining(name -> metadata.putObject(name)
                .put("$lastUpdated", "2026-11-26T10:00:00.1234567Z"));
        return new TwinSection(properties, metadata, version);
    }

    @Test
    default void compareAndSetStoresBothSections() {
        store().devices().insert(device("d1"));
        Twin empty = store().twins().find(id("d1")).orElseThrow();
        Twin updated = empty.withDesired(section("{\"targetTemperature\":21.5,\"nested\":{\"b\":1,\"a\":[1,\"x\",null]}}", 2))
                .withReported(section("{\"serialNumber\":\"SN-1\",\"é\":\"ünïcode\"}", 5));

        assertThat(store().twins().compareAndSet(empty, updated)).isTrue();

        Twin stored = store().twins().find(id("d1")).orElseThrow();
        assertThat(stored).isEqualTo(updated);
        assertThat(stored.toWire()).isEqualTo(updated.toWire());
    }

    @Test
    default void compareAndSetFailsWhenEitherVersionMoved() {
        store().devices().insert(device("d1"));
        Twin v1 = store().twins().find(id("d1")).orElseThrow();
        Twin desiredMoved = v1.withDesired(section("{\"a\":1}", 2));
        assertThat(store().twins().compareAndSet(v1, desiredMoved)).isTrue();

        assertThat(store().twins().compareAndSet(v1, v1.withReported(section("{\"b\":1}", 2)))).isFalse();
        Twin staleReported = desiredMoved.withReported(new TwinSection(Json.object(), Json.object(), 7));
        assertThat(store().twins().compareAndSet(staleReported, staleReported.withDesired(section("{}", 3))))
                .isFalse();
        assertThat(store().twins().find(id("d1"))).contains(desiredMoved);
    }

    @Test
    default void compareAndSetOnAMissingDeviceIsNotFound() {
        Twin ghost = Twin.empty(id("ghost"));

        assertFails(ErrorCode.NOT_FOUND, () -> store().twins().compareAndSet(ghost, ghost));
        assertThat(store().twins().find(id("ghost"))).isEmpty();
        assertThatThrownBy(() -> store().twins().compareAndSet(ghost, Twin.empty(id("other"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    default void concurrentCompareAndSetLetsExactlyOneWriterWin() throws Exception {
        store().devices().insert(device("d1"));
        Twin base = store().twins().find(id("d1")).orElseThrow();

        List<Boolean> outcomes = Concurrently.run(8, i -> store().twins().compareAndSet(base,
                base.withReported(section("{\"writer\":" + i + "}", 2))));

        assertThat(outcomes).containsOnlyOnce(true);
        int winner = outcomes.indexOf(true);
        assertThat(store().twins().find(id("d1")).orElseThrow().reported().properties().get("writer").asInt())
                .isEqualTo(winner);
    }
}
