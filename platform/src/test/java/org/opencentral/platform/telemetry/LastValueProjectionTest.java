package org.opencentral.platform.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.Json;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.PlatformEvent.TelemetryReceived;
import org.opencentral.core.store.LastValue;
import org.opencentral.core.store.LastValueStore;
import org.opencentral.core.store.StateStore;
import org.opencentral.core.telemetry.SeriesKey;
import org.opencentral.core.telemetry.TelemetryStore;
import org.opencentral.core.telemetry.TimeRange;
import org.opencentral.platform.eventlog.ConsumerRunner;
import org.opencentral.store.eventlog.DuckDbEventLog;
import org.opencentral.store.secret.AesGcmSecretCipher;
import org.opencentral.store.sqlite.SqliteStateStore;
import org.opencentral.store.telemetry.DuckDbTelemetryStore;

/** Last values and the telemetry index behind one real log, sharing their parses. */
@Timeout(60)
class LastValueProjectionTest {
    private static final Instant ACCEPTED = Instant.parse("2026-11-26T10:00:00Z");
    private static final DeviceId THERMOSTAT = DeviceId.of("thermostat-1");
    private static final DeviceId FAN = DeviceId.of("fan-1");

    @TempDir
    Path directory;
    private StateStore state;
    private DuckDbEventLog log;
    private TelemetryStore telemetry;
    private final List<Integer> upsertSizes = new ArrayList<>();
    /** The keys of every value upserted, in the order the projection handed them to the store. */
    private final List<String> upsertKeys = new ArrayList<>();
    private final TelemetryParses parses = new TelemetryParses();
    private ConsumerRunner lastValues;
    private ConsumerRunner index;

    @BeforeEach
    void open() {
        state = SqliteStateStore.open(directory.resolve("state.db"), AesGcmSecretCipher.random());
        log = DuckDbEventLog.open(directory.resolve("events.duckdb"));
        telemetry = DuckDbTelemetryStore.open(directory.resolve("telemetry.duckdb"));
        for (DeviceId id : List.of(THERMOSTAT, FAN)) {
            state.devices().insert(Device.builder(id).createdAt(ACCEPTED).build());
        }
        lastValues = new ConsumerRunner(log, new InMemoryCursors(),
                new LastValueProjection(counting(state.lastValues()), parses));
        index = new ConsumerRunner(log, new InMemoryCursors(), new TelemetryIndexer(telemetry, parses));
    }

    @AfterEach
    void close() {
        telemetry.close();
        log.close();
        state.close();
    }

    private LastValueStore counting(LastValueStore store) {
        return new LastValueStore() {
            @Override
            public void upsert(Collection<LastValue> values) {
                upsertSizes.add(values.size());
                values.forEach(v -> upsertKeys.add(v.deviceId().value() + "/" + v.component() + "/" + v.name()));
                store.upsert(values);
            }

            @Override
            public Optional<LastValue> find(DeviceId id, String component, String name) {
                return store.find(id, component, name);
            }

            @Override
            public List<LastValue> list(DeviceId id, int limit) {
                return store.list(id, limit);
            }
        };
    }

    private static TelemetryReceived message(DeviceId device, int second, Optional<String> created, String body) {
        return new TelemetryReceived(device, ACCEPTED.plusSeconds(second), Optional.empty(),
                created.map(c -> Map.of(TelemetryMessages.CREATION_TIME, c)).orElse(Map.of()), Map.of(),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private void devicesSend(TelemetryReceived... messages) {
        List.of(messages).stream().map(log::append).toList().forEach(CompletableFuture::join);
    }

    private Optional<String> lastValue(DeviceId device, String name) {
        return state.lastValues().find(device, "", name).map(v -> v.value() + " @ " + v.timestamp());
    }

    @Test
    void aBatchIsWrittenOncePerDeviceAndMemberInKeyOrderWithTheValueInOrderWritesWouldKeep() {
        devicesSend(
                message(THERMOSTAT, 0, Optional.empty(), "{\"temp\":20,\"mode\":\"eco\"}"),
                message(FAN, 0, Optional.empty(), "{\"speed\":1}"),
                message(THERMOSTAT, 1, Optional.empty(), "{\"temp\":21}"),
                message(THERMOSTAT, 2, Optional.of("2026-11-26T09:00:00Z"), "{\"temp\":5,\"mode\":\"late\"}"),
                message(FAN, 1, Optional.empty(), "{\"speed\":2}"),
                message(FAN, 1, Optional.empty(), "{\"speed\":3}"),
                message(THERMOSTAT, 3, Optional.empty(), "not json"));

        assertThat(lastValues.runOnce()).isEqualTo(7);

        assertThat(upsertSizes).containsExactly(3);
        // in the store's key order (device, component, name), so that its sort is a single pass
        assertThat(upsertKeys).containsExactly("fan-1//speed", "thermostat-1//mode", "thermostat-1//temp");
        assertThat(lastValue(THERMOSTAT, "temp")).contains("21 @ 2026-11-26T10:00:01Z");
        assertThat(lastValue(THERMOSTAT, "mode")).contains("\"eco\" @ 2026-11-26T10:00:00Z");
        assertThat(lastValue(FAN, "speed")).contains("3 @ 2026-11-26T10:00:01Z");
    }

    @Test
    void aNewerBatchStillCannotReplaceAValueWithAnOlderTimestamp() {
        devicesSend(message(THERMOSTAT, 5, Optional.empty(), "{\"temp\":20}"));
        lastValues.runOnce();
        devicesSend(message(THERMOSTAT, 6, Optional.of("2026-11-26T09:00:00Z"), "{\"temp\":1}"));

        lastValues.runOnce();

        assertThat(lastValue(THERMOSTAT, "temp")).contains("20 @ 2026-11-26T10:00:05Z");
    }

    @Test
    void consumersOfTheSameMessagesParseEachBodyOnce() {
        TelemetryReceived[] messages = new TelemetryReceived[500];
        for (int i = 0; i < messages.length; i++) {
            messages[i] = message(i % 2 == 0 ? THERMOSTAT : FAN, i, Optional.empty(), "{\"n\":" + i + ",\"on\":true}");
        }
        devicesSend(messages);

        while (lastValues.runOnce() > 0) {
            // drain the log
        }
        while (index.runOnce() > 0) {
            // drain the log
        }

        assertThat(parses.stats()).isEqualTo(new TelemetryParses.Stats(500, 500));
        assertThat(telemetry.raw(new SeriesKey(FAN, "", "n"), new TimeRange(ACCEPTED, ACCEPTED.plusSeconds(600)),
                1_000)).hasSize(250);
        assertThat(state.lastValues().find(FAN, "", "n").orElseThrow().value()).isEqualTo(Json.parse("499"));
    }

    @Test
    void aParseIsNeverHandedToAnotherMessage() {
        TelemetryParses tiny = new TelemetryParses(1);
        TelemetryReceived first = message(THERMOSTAT, 0, Optional.empty(), "{\"a\":1}");
        TelemetryReceived equalCopy = message(THERMOSTAT, 0, Optional.empty(), "{\"a\":1}");
        TelemetryReceived other = message(THERMOSTAT, 0, Optional.empty(), "{\"b\":2}");

        ParsedTelemetry parsed = tiny.parse(new org.opencentral.core.event.LoggedEvent(1, first), first);

        assertThat(tiny.parse(new org.opencentral.core.event.LoggedEvent(1, equalCopy), equalCopy)).isSameAs(parsed);
        assertThat(tiny.parse(new org.opencentral.core.event.LoggedEvent(2, other), other).members())
                .extracting(ParsedTelemetry.Member::name).containsExactly("b");
        assertThat(tiny.stats()).isEqualTo(new TelemetryParses.Stats(1, 2));
    }
}
