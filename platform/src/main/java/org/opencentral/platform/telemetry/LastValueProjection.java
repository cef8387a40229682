package org.opencentral.platform.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
        Map<DeviceId, Map<MemberKey, Latest>> latest = new HashMap<>();
        for (LoggedEvent logged : batch) {
            if (logged.event() instanceof TelemetryReceived telemetry) {
                ParsedTelemetry parsed = parses.parse(logged, telemetry);
                if (parsed.members().isEmpty()) {
                    continue;
                }
                Map<MemberKey, Latest> device = latest.computeIfAbsent(telemetry.deviceId(), d -> new HashMap<>());
                for (ParsedTelemetry.Member member : parsed.members()) {
                    device.merge(new MemberKey(parsed.component(), member.name()),
                            new Latest(member.value(), parsed.timestamp()), Latest::newer);
                }
            }
        }
        if (latest.isEmpty()) {
            return;
        }
        store.upsert(inKeyOrder(latest));
    }

    /**
     * The values ordered by device id, component and name: the order the store writes in (a sorted input is one
     * pass of its sort). Sorting a batch's devices, then each device's few members, compares far less than sorting
     * every value of the batch: a batch read far behind the log holds each of 10,000 devices' members twice.
     */
    private static List<LastValue> inKeyOrder(Map<DeviceId, Map<MemberKey, Latest>> latest) {
        DeviceId[] devices = latest.keySet().toArray(DeviceId[]::new);
        Arrays.sort(devices, (a, b) -> a.value().compareTo(b.value()));
        List<LastValue> values = new ArrayList<>();
        for (DeviceId device : devices) {
            Map<MemberKey, Latest> members = latest.get(device);
            MemberKey[] names = members.keySet().toArray(MemberKey[]::new);
            Arrays.sort(names, MemberKey.ORDER);
            for (MemberKey name : names) {
                Latest value = members.get(name);
                values.add(new LastValue(device, name.component(), name.name(), value.value(), value.timestamp()));
            }
        }
        return values;
    }

    /** A member of a device's messages. */
    private record MemberKey(String component, String name) {
        static final Comparator<MemberKey> ORDER = (a, b) -> {
            int byComponent = a.component.compareTo(b.component);
            return byComponent != 0 ? byComponent : a.name.compareTo(b.name);
        };
    }

    /** A candidate last value; {@code value} is shared with the other consumers and only read. */
    private record Latest(JsonNode value, Instant timestamp) {
        /** {@code later} came later in the log: it wins unless it is timed before this one. */
        Latest newer(Latest later) {
            return later.timestamp.isBefore(timestamp) ? this : later;
        }
    }
}
