package org.opencentral.platform.export.delivery;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.store.CursorStore;
import org.opencentral.platform.export.DeviceFacts;
import org.opencentral.platform.export.ExportMessages;

/**
 * What every export pipe shares: the log and cursors, the formats, the device lookup, the retry
 * policy, the clock, and how many events a pipe reads at once.
 */
public record PipeContext(EventLog log, CursorStore cursors, ExportMessages messages,
        Function<DeviceId, DeviceFacts> devices, RetryPolicy retry, Clock clock, int batchSize) {
    public static final int BATCH = 500;

    public PipeContext {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(cursors, "cursors");
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(devices, "devices");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(clock, "clock");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
    }
}
