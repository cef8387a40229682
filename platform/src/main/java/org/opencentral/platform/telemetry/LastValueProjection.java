package org.opencentral.platform.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.event.PlatformEvent.TelemetryReceived;
import org.opencentral.core.store.LastValue;
import org.opencentral.core.store.LastValueStore;
import org.opencentral.platform.eventlog.LogConsumer;

/**
 * Keeps the last known value of every telemetry member of every device: each top-level member of a
 * JSON object message is one value, timestamped by {@code iothub-creation-time-utc} when the device
 * set it, else by the time the platform accepted the message. Non-JSON bodies have no values.
 * A batch is coalesced before it is written: one upsert per device, component and member, with the
 * value the store would have kept had every message been written in order (the newest timestamp;
 * among equal ones, the later message).
 */
public final class LastValueProjection implements LogConsumer {
    public static final String CREATION_TIME = TelemetryMessages.CREATION_TIME;

    private final LastValueStore store;
    private final TelemetryParses parses;

    public LastValueProjection(LastValueStore store, TelemetryParses parses) {
        this.store = store;
        this.parses = parses;
    }

    @Override
    public String name() {
        return "last-values";
    }

    @Override
    public void handle(List<LoggedEvent> batch) {
        Map<Key, Latest> latest = new HashMap<>();
        for (LoggedEvent logged : batch) {
            if (logged.event() instanceof TelemetryReceived telemetry) {
                ParsedTelemetry parsed = parses.parse(logged, telemetry);
                for (ParsedTelemetry.Member member : parsed.members()) {
                    latest.merge(new Key(telemetry.deviceId(), parsed.component(), member.name()),
                            new Latest(member.value(), parsed.timestamp()), Latest::newer);
                }
            }
        }
        if (latest.isEmpty()) {
            return;
        }
        List<LastValue> values = new ArrayList<>(latest.size());
        latest.forEach((key, value) -> values.add(
                new LastValue(key.device(), key.component(), key.name(), value.value(), value.timestamp())));
        store.upsert(values);
    }

    private record Key(DeviceId device, String component, String name) {
    }

    /** A candidate last value; {@code value} is shared with the other consumers and only read. */
    private record Latest(JsonNode value, Instant timestamp) {
        /** {@code later} came later in the log: it wins unless it is timed before this one. */
        Latest newer(Latest later) {
            return later.timestamp.isBefore(timestamp) ? this : later;
        }
    }
}
