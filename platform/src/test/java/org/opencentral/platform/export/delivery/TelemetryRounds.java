package org.opencentral.platform.export.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.event.PlatformEvent.TelemetryReceived;
import org.opencentral.core.testing.ManualClock;

/** What the delivery tests do to the log and the runner: append rounds of telemetry, step until caught up. */
final class TelemetryRounds {
    private TelemetryRounds() {
    }

    /** Appends {@code {"n": round}} from each device, in the devices' order, durably. */
    static void send(EventLog log, ManualClock clock, List<DeviceId> devices, int round) {
        devices.stream().map(id -> log.append(new TelemetryReceived(id, clock.instant(), Optional.empty(), Map.of(),
                Map.of(), ("{\"n\":" + round + "}").getBytes(StandardCharsets.UTF_8)))).toList()
                .forEach(CompletableFuture::join);
    }

    /** Steps the runner until a step moves no cursor, 10 ms of the clock apart. */
    static void drain(ExportRunner runner, ManualClock clock) {
        while (runner.runOnce() > 0) {
            clock.advance(Duration.ofMillis(10));
        }
    }
}
