package org.opencentral.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.Json;
import org.opencentral.core.event.PlatformEvent.AuditRecorded;
import org.opencentral.core.security.AuditEntry;
import org.opencentral.core.store.StateStore;
import org.opencentral.store.eventlog.DuckDbEventLog;
import org.opencentral.core.secret.SecretCipher;
import org.opencentral.store.secret.AesGcmSecretCipher;
import org.opencentral.store.sqlite.SqliteStateStore;

/**
 * Audit entries are durable in the state store when {@code record} returns and reach the real event
 * log afterwards, in order, also when the node stopped before forwarding them.
 */
@Timeout(60)
class AuditForwarderTest {
    private final SecretCipher cipher = AesGcmSecretCipher.random();
    @TempDir
    Path dir;
    private StateStore state;
    private DuckDbEventLog log;

    @BeforeEach
    void open() {
        state = SqliteStateStore.open(dir.resolve("state.db"), cipher);
        log = DuckDbEventLog.open(dir.resolve("events.duckdb"));
    }

    @AfterEach
    void close() {
        log.close();
        state.close();
    }

    private List<Long> forwardedSequences() {
        return log.read(0, 10_000).stream().map(e -> e.event()).filter(AuditRecorded.class::isInstance)
                .map(e -> ((AuditRecorded) e).auditSequence()).toList();
    }

    private static void change(AuditLog audit, int n) {
        audit.record("user:alice", "PATCH /api/devices/{deviceId}", "/api/devices/d" + n, Json.object(),
                Json.object().put("displayName", "D" + n).put("primaryKey", "secret"));
    }

    @Test
    void recordedEntriesReachTheEventLogWithoutTheCallerWaiting() {
        try (AuditForwarder forwarder = new AuditForwarder(state.auditLog(), log, state.cursors())) {
            forwarder.start();
            AuditLog audit = new AuditLog(state.auditLog(), forwarder, Clock.systemUTC());
            for (int n = 1; n <= 3; n++) {
                change(audit, n);
            }
            assertThat(state.auditLog().list(java.util.Optional.empty(), 10).items()).hasSize(3);

            await().untilAsserted(() -> assertThat(forwardedSequences()).hasSize(3));
            List<Long> stored = state.auditLog().after(0, 10).stream().map(AuditEntry::sequence).toList();
            assertThat(forwardedSequences()).containsExactlyElementsOf(stored);
            AuditRecorded first = (AuditRecorded) log.read(0, 1).getFirst().event();
            assertThat(first.entry().path("after").path("displayName").asText()).isEqualTo("D1");
            assertThat(first.entry().path("after").has("primaryKey")).isFalse();
        }
    }

    @Test
    void entriesStoredBeforeAStopReachTheLogAtTheNextStartExactlyOnce() {
        AuditForwarder stopped = new AuditForwarder(state.auditLog(), log, state.cursors());
        AuditLog audit = new AuditLog(state.auditLog(), stopped, Clock.systemUTC());
        change(audit, 1);
        change(audit, 2);
        assertThat(forwardedSequences()).isEmpty();

        state.close();
        state = SqliteStateStore.open(dir.resolve("state.db"), cipher);
        AuditForwarder restarted = new AuditForwarder(state.auditLog(), log, state.cursors());
        assertThat(restarted.runOnce()).isEqualTo(2);
        assertThat(restarted.runOnce()).isZero();
        change(new AuditLog(state.auditLog(), restarted, Clock.systemUTC()), 3);
        restarted.close();

        assertThat(forwardedSequences()).hasSize(3).doesNotHaveDuplicates().isSorted();
    }
}
