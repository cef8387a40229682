package org.opencentral.platform.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.DomainException;
import org.opencentral.core.Json;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.CommandOutcome;
import org.opencentral.core.store.CommandRecord;
import org.opencentral.core.store.StateStore;
import org.opencentral.core.secret.SecretCipher;
import org.opencentral.store.secret.AesGcmSecretCipher;
import org.opencentral.store.sqlite.SqliteStateStore;

/** The write-behind command history over a real SQLite store. */
@Timeout(30)
class CommandHistoryTest {
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private final DeviceId device = DeviceId.of("d1");
    private final SecretCipher cipher = AesGcmSecretCipher.random();
    @TempDir
    Path dir;
    private StateStore state;

    @BeforeEach
    void open() {
        state = SqliteStateStore.open(dir.resolve("state.db"), cipher);
        state.devices().insert(Device.builder(device).displayName("D").etag("e1").createdAt(T0).build());
    }

    @AfterEach
    void close() {
        state.close();
    }

    private CommandRecord call(int n) {
        return new CommandRecord(0, "req-" + n, device, "ping", "user:alice", T0.plusSeconds(n), T0.plusSeconds(n), 0,
                30, Optional.empty(), new CommandOutcome.Answered(200, Json.parse("{\"n\":" + n + "}")));
    }

    @Test
    void recordsAreWrittenInBatchesByRunOnceWithoutACallerWaiting() {
        CommandHistory history = new CommandHistory(state.commandHistory());
        history.record(call(1));
        history.record(call(2));
        assertThat(state.commandHistory().list(device, "ping", Optional.empty(), 10).items()).isEmpty();

        assertThat(history.runOnce()).isEqualTo(2);
        assertThat(history.runOnce()).isZero();
        assertThat(state.commandHistory().list(device, "ping", Optional.empty(), 10).items())
                .extracting(CommandRecord::id).containsExactly("req-2", "req-1");
    }

    @Test
    void aReaderSeesEveryCallRecordedBeforeIt() {
        try (CommandHistory history = new CommandHistory(state.commandHistory())) {
            history.start();
            for (int n = 1; n <= 50; n++) {
                history.record(call(n));
                assertThat(history.list(device, "ping", Optional.empty(), 1).items().getFirst().id())
                        .isEqualTo("req-" + n);
            }
        }
    }

    @Test
    void closingWritesWhatIsQueued() {
        CommandHistory history = new CommandHistory(state.commandHistory());
        history.start();
        history.record(call(1));
        history.close();
        assertThat(state.commandHistory().list(device, "ping", Optional.empty(), 10).items()).hasSize(1);
    }

    @Test
    void aDeletedDevicesQueuedRecordsAreForgottenSoTheIdRegisteredAgainStartsEmpty() {
        DeviceId other = DeviceId.of("d2");
        state.devices().insert(Device.builder(other).displayName("D2").etag("e2").createdAt(T0).build());
        CommandHistory history = new CommandHistory(state.commandHistory());
        history.record(call(1));
        history.record(new CommandRecord(0, "other", other, "ping", "user:alice", T0, T0, 0, 30, Optional.empty(),
                new CommandOutcome.NotConnected()));
        state.devices().delete(device);
        state.devices().insert(Device.builder(device).displayName("Again").etag("e3").createdAt(T0.plusSeconds(5)).build());

        history.forget(device);

        assertThat(history.runOnce()).isEqualTo(1);
        assertThat(state.commandHistory().list(device, "ping", Optional.empty(), 10).items()).isEmpty();
        assertThat(state.commandHistory().list(other, "ping", Optional.empty(), 10).items())
                .extracting(CommandRecord::id).containsExactly("other");
    }

    @Test
    void pageSizesAreBounded() {
        try (CommandHistory history = new CommandHistory(state.commandHistory())) {
            assertThatThrownBy(() -> history.list(device, "ping", Optional.empty(), CommandHistory.MAX_PAGE + 1))
                    .isInstanceOf(DomainException.class);
        }
    }
}
