package org.opencentral.platform.c2d;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.StateStore;
import org.opencentral.core.testing.ManualClock;
import org.opencentral.platform.command.CommandHistory;
import org.opencentral.platform.c2d.CloudToDeviceService.LockedMessage;
import org.opencentral.platform.c2d.CloudToDeviceService.Settlement;
import org.opencentral.platform.device.DeviceChanges;
import org.opencentral.platform.device.DeviceRegistry;
import org.opencentral.store.secret.AesGcmSecretCipher;
import org.opencentral.platform.session.DeviceSessions;
import org.opencentral.store.sqlite.SqliteStateStore;

/** A device that polls for cloud-to-device messages (HTTPS): receive under a lock, then complete, reject or abandon. */
class PolledCloudToDeviceTest {
    private static final DeviceId DEVICE = DeviceId.of("poller-1");
    private static final Duration LOCK = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    StateStore state;
    final ManualClock clock = new ManualClock(Instant.parse("2026-12-06T05:00:00Z"));
    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    CloudToDeviceService c2d;

    @BeforeEach
    void open() {
        state = SqliteStateStore.open(dir.resolve("state.db"), AesGcmSecretCipher.random());
        DeviceSessions sessions = new DeviceSessions(timer);
        new DeviceRegistry(state.devices(), state.outbox(), sessions, new CommandHistory(state.commandHistory()), clock).create(DEVICE, new DeviceChanges(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        c2d = new CloudToDeviceService(state.c2d(), sessions, clock);
    }

    @AfterEach
    void close() {
        timer.shutdownNow();
        state.close();
    }

    @Test
    void nothingQueuedIsNothingReceived() {
        assertThat(c2d.receive(DEVICE, LOCK)).isEmpty();
    }

    @Test
    void aReceivedMessageIsLockedUntilCompletedAndThenGone() {
        send("first");
        send("second");

        LockedMessage first = c2d.receive(DEVICE, LOCK).orElseThrow();
        LockedMessage second = c2d.receive(DEVICE, LOCK).orElseThrow();

        assertThat(body(first)).isEqualTo("first");
        assertThat(body(second)).isEqualTo("second");
        assertThat(c2d.receive(DEVICE, LOCK)).isEmpty();
        assertThat(c2d.settle(DEVICE, first.lockToken(), Settlement.COMPLETE)).isTrue();
        assertThat(c2d.settle(DEVICE, first.lockToken(), Settlement.COMPLETE)).isFalse();
        assertThat(state.c2d().countPending(DEVICE, clock.instant())).isEqualTo(1);
    }

    @Test
    void aRejectedMessageLeavesTheQueue() {
        send("bad");
        LockedMessage received = c2d.receive(DEVICE, LOCK).orElseThrow();

        assertThat(c2d.settle(DEVICE, received.lockToken(), Settlement.REJECT)).isTrue();

        assertThat(c2d.receive(DEVICE, LOCK)).isEmpty();
        assertThat(state.c2d().countPending(DEVICE, clock.instant())).isZero();
    }

    @Test
    void anAbandonedMessageIsReceivedAgainUnderANewLock() {
        send("retry me");
        LockedMessage received = c2d.receive(DEVICE, LOCK).orElseThrow();

        assertThat(c2d.settle(DEVICE, received.lockToken(), Settlement.ABANDON)).isTrue();

        LockedMessage again = c2d.receive(DEVICE, LOCK).orElseThrow();
        assertThat(body(again)).isEqualTo("retry me");
        assertThat(again.lockToken()).isNotEqualTo(received.lockToken());
        assertThat(c2d.settle(DEVICE, received.lockToken(), Settlement.COMPLETE)).isFalse();
    }

    @Test
    void anExpiredLockNeitherHidesTheMessageNorSettlesIt() {
        send("slow device");
        LockedMessage received = c2d.receive(DEVICE, LOCK).orElseThrow();

        clock.advance(LOCK.plusSeconds(1));

        assertThat(c2d.settle(DEVICE, received.lockToken(), Settlement.COMPLETE)).isFalse();
        assertThat(body(c2d.receive(DEVICE, LOCK).orElseThrow())).isEqualTo("slow device");
    }

    @Test
    void aLockTokenSettlesOnlyItsOwnDevicesMessage() {
        DeviceId other = DeviceId.of("poller-2");
        send("mine");
        LockedMessage received = c2d.receive(DEVICE, LOCK).orElseThrow();

        assertThat(c2d.settle(other, received.lockToken(), Settlement.COMPLETE)).isFalse();
        assertThat(state.c2d().countPending(DEVICE, clock.instant())).isEqualTo(1);
    }

    private void send(String body) {
        c2d.send(DEVICE, body.getBytes(StandardCharsets.UTF_8), Map.of(), CloudToDeviceService.DEFAULT_TTL);
        clock.advance(Duration.ofMillis(1));
    }

    private static String body(LockedMessage message) {
        return new String(message.message().body(), StandardCharsets.UTF_8);
    }
}
