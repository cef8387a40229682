package org.opencentral.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.event.PlatformEvent;
import org.opencentral.core.event.PlatformEvent.DeviceLifecycle;
import org.opencentral.core.event.PlatformEvent.TelemetryReceived;
import org.opencentral.core.store.OutboxEntry;
import org.opencentral.core.store.StateStore;
import org.opencentral.store.eventlog.DuckDbEventLog;
import org.opencentral.store.secret.AesGcmSecretCipher;
import org.opencentral.store.sqlite.SqliteStateStore;

/**
 * The forwarder over the real SQLite outbox and DuckDB log: events arrive in order as soon as their
 * change commits, and a batch that reached the log without being removed from the outbox (a crash,
 * an append that failed part way) is not appended again.
 */
@Timeout(60)
class OutboxForwarderTest {
    @TempDir
    Path dir;
    private StateStore state;
    private DuckDbEventLog log;

    @BeforeEach
    void open() {
        state = SqliteStateStore.open(dir.resolve("state.db"), AesGcmSecretCipher.random());
        log = DuckDbEventLog.open(dir.resolve("events.duckdb"));
    }

    @AfterEach
    void close() {
        log.close();
        state.close();
    }

    private static PlatformEvent change(int n) {
        return new DeviceLifecycle(DeviceId.of("d" + n), Instant.parse("2026-12-06T00:00:00Z").plusNanos(n),
                DeviceLifecycle.Change.UPDATED);
    }

    private void commit(int from, int to) {
        for (int n = from; n <= to; n++) {
            PlatformEvent event = change(n);
            state.outbox().run(events -> events.record(event));
        }
    }

    private List<PlatformEvent> logged() {
        return log.read(0, 10_000).stream().map(LoggedEvent::event)
                .filter(e -> !(e instanceof TelemetryReceived)).toList();
    }

    private static List<PlatformEvent> changes(int from, int to) {
        return java.util.stream.IntStream.rangeClosed(from, to).mapToObj(OutboxForwarderTest::change).toList();
    }

    @Test
    void committedChangesReachTheLogInOrder() {
        try (OutboxForwarder forwarder = new OutboxForwarder(state.outbox(), log)) {
            forwarder.start();
            commit(1, 3);

            await().untilAsserted(() -> assertThat(logged()).containsExactlyElementsOf(changes(1, 3)));
        }
        assertThat(state.outbox().pending(10)).isEmpty();
    }

    @Test
    void aBatchInTheLogButStillInTheOutboxIsNotAppendedAgain() {
        commit(1, 3);
        log.append(new TelemetryReceived(DeviceId.of("t"), Instant.now(), java.util.Optional.empty(),
                java.util.Map.of(), java.util.Map.of(), new byte[] {1})).join();
        for (OutboxEntry entry : state.outbox().pending(2)) {
            log.append(entry.event()).join(); // appended, then the node died before removing them
        }
        commit(4, 4);

        OutboxForwarder restarted = new OutboxForwarder(state.outbox(), log);
        assertThat(restarted.runOnce()).isEqualTo(4);
        assertThat(restarted.runOnce()).isZero();

        assertThat(logged()).containsExactlyElementsOf(changes(1, 4));
    }

    @Test
    void anAppendThatFailedPartWayIsRetriedWithoutRepeats() {
        commit(1, 4);
        OutboxForwarder flaky = new OutboxForwarder(state.outbox(), new FailingLog(log, 2));
        assertThatThrownBy(flaky::runOnce).hasRootCauseInstanceOf(IOException.class);
        assertThat(state.outbox().pending(10)).hasSize(4);

        OutboxForwarder retried = new OutboxForwarder(state.outbox(), log);
        assertThat(retried.runOnce()).isEqualTo(4);

        assertThat(logged()).containsExactlyElementsOf(changes(1, 4));
    }
}
