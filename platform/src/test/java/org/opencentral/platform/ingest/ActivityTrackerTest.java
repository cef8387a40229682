package org.opencentral.platform.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.StateStore;
import org.opencentral.core.testing.ManualClock;
import org.opencentral.store.secret.AesGcmSecretCipher;
import org.opencentral.store.sqlite.SqliteStateStore;

/** Stories of devices' last activity, written through the tracker to a real SQLite state store. */
class ActivityTrackerTest {
    private static final Instant START = Instant.parse("2026-12-06T10:00:00.250Z");
    private static final DeviceId PUMP = DeviceId.of("pump");
    private static final DeviceId FAN = DeviceId.of("fan");

    @TempDir
    Path dir;
    StateStore state;
    final ManualClock clock = new ManualClock(START);
    ActivityTracker tracker;

    @BeforeEach
    void open() {
        state = SqliteStateStore.open(dir.resolve("state.db"), AesGcmSecretCipher.random());
        state.devices().insert(Device.builder(PUMP).createdAt(START).build());
        state.devices().insert(Device.builder(FAN).createdAt(START).build());
        tracker = new ActivityTracker(state.devices(), clock);
    }

    @AfterEach
    void close() {
        state.close();
    }

    @Test
    void aDeviceHeardFromIsWrittenOnTheNextRunWithTheSecondOfItsMessage() {
        tracker.heardFrom(PUMP);
        clock.advance(Duration.ofMillis(900));

        assertThat(tracker.runOnce()).isEqualTo(1);

        assertThat(lastActivity(PUMP)).contains(Instant.parse("2026-12-06T10:00:00Z"));
        assertThat(lastActivity(FAN)).isEmpty();
        assertThat(tracker.runOnce()).isZero();
    }

    @Test
    void aDeviceThatKeepsSendingIsRewrittenOncePerIntervalWithItsLatestSecond() {
        tracker.heardFrom(PUMP);
        tracker.runOnce();
        Instant firstWrite = lastActivity(PUMP).orElseThrow();

        for (int second = 1; second < ActivityTracker.WRITE_INTERVAL.toSeconds(); second++) {
            clock.advance(Duration.ofSeconds(1));
            tracker.heardFrom(PUMP);
            assertThat(tracker.runOnce()).isZero();
        }
        assertThat(lastActivity(PUMP)).contains(firstWrite);

        clock.advance(Duration.ofSeconds(1));
        assertThat(tracker.runOnce()).isEqualTo(1);

        assertThat(lastActivity(PUMP)).contains(firstWrite.plus(ActivityTracker.WRITE_INTERVAL).minusSeconds(1));
    }

    @Test
    void aDeviceThatStopsGetsItsLastSecondWrittenWithinTheInterval() {
        tracker.heardFrom(PUMP);
        tracker.runOnce();
        clock.advance(Duration.ofSeconds(5));
        tracker.heardFrom(PUMP);
        tracker.heardFrom(FAN);
        tracker.runOnce();
        Instant lastMessage = Instant.parse("2026-12-06T10:00:05Z");
        assertThat(lastActivity(FAN)).contains(lastMessage);
        assertThat(lastActivity(PUMP)).contains(Instant.parse("2026-12-06T10:00:00Z"));

        clock.advance(ActivityTracker.WRITE_INTERVAL);
        assertThat(tracker.runOnce()).isEqualTo(1);

        assertThat(lastActivity(PUMP)).contains(lastMessage);
    }

    @Test
    void devicesHeardInDifferentSecondsKeepTheirOwnSecond() {
        tracker.heardFrom(PUMP);
        clock.advance(Duration.ofSeconds(1));
        tracker.heardFrom(FAN);

        assertThat(tracker.runOnce()).isEqualTo(2);

        assertThat(lastActivity(PUMP)).contains(Instant.parse("2026-12-06T10:00:00Z"));
        assertThat(lastActivity(FAN)).contains(Instant.parse("2026-12-06T10:00:01Z"));
    }

    private Optional<Instant> lastActivity(DeviceId id) {
        return state.devices().find(id).orElseThrow().connection().lastActivity();
    }
}
