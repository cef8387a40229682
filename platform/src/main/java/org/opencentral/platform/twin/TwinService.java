package org.opencentral.platform.twin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BiFunction;
import org.opencentral.core.DomainException;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.PlatformEvent.DesiredPropertiesUpdated;
import org.opencentral.core.event.PlatformEvent.ReportedPropertiesUpdated;
import org.opencentral.core.store.OutboxStore;
import org.opencentral.core.store.OutboxStore.Recorder;
import org.opencentral.core.store.TwinStore;
import org.opencentral.core.twin.Twin;
import org.opencentral.core.twin.TwinSection;
import org.opencentral.platform.session.DeviceSession.Subscription;
import org.opencentral.platform.session.DeviceSessions;

/**
 * Reads and changes device twins. Each change is a compare-and-set on the stored twin (retried when
 * another writer came first) in one transaction with its event (the outbox), from where the event
 * reaches the log within milliseconds; desired changes are pushed to the device, once committed,
 * when it is connected and subscribed. Blocking: call from virtual threads, never an event loop.
 */
public final class TwinService {
    private static final int MAX_ATTEMPTS = 20;

    private final TwinStore twins;
    private final OutboxStore outbox;
    private final DeviceSessions sessions;
    private final Clock clock;

    public TwinService(TwinStore twins, OutboxStore outbox, DeviceSessions sessions, Clock clock) {
        this.twins = twins;
        this.outbox = outbox;
        this.sessions = sessions;
        this.clock = clock;
    }

    public Twin get(DeviceId id) {
        return twins.find(id).orElseThrow(() -> DomainException.notFound("device '" + id + "'"));
    }

    /**
     * Applies a device's reported patch and returns the new reported version once the change and its
     * event are committed to the state store (the device may be answered then).
     */
    public long patchReported(DeviceId id, ObjectNode patch) {
        Instant now = clock.instant();
        return outbox.write(events -> {
            Twin updated = change(id,
                    (twin, at) -> twin.withReported(TwinPatch.apply(twin.reported(), patch, at, false)), now);
            long version = updated.reported().version();
            events.record(new ReportedPropertiesUpdated(id, now, TwinPatch.clean(patch), version));
            return version;
        });
    }

    /** Applies a service-side desired patch and pushes it to the device; returns the new twin. */
    public Twin patchDesired(DeviceId id, ObjectNode patch) {
        Instant now = clock.instant();
        ObjectNode cleaned = TwinPatch.clean(patch);
        Twin updated = outbox.write(events -> desiredChanged(events, cleaned, now,
                change(id, (twin, at) -> twin.withDesired(TwinPatch.apply(twin.desired(), patch, at, true)), now)));
        push(id, cleaned, updated.desired());
        return updated;
    }

    /** Replaces all desired properties (members missing from {@code desired} are deleted). */
    public Twin replaceDesired(DeviceId id, ObjectNode desired) {
        Instant now = clock.instant();
        ObjectNode patch = TwinPatch.clean(desired);
        Twin updated = outbox.write(events -> {
            Twin before = get(id);
            before.desired().properties().fieldNames().forEachRemaining(name -> {
                if (!patch.has(name)) {
                    patch.putNull(name);
                }
            });
            return desiredChanged(events, patch, now, change(id,
                    (twin, at) -> twin.withDesired(TwinPatch.replace(twin.desired(), desired, at, true)), now));
        });
        push(id, patch, updated.desired());
        return updated;
    }

    private static Twin desiredChanged(Recorder events, ObjectNode patch, Instant now, Twin updated) {
        events.record(new DesiredPropertiesUpdated(updated.deviceId(), now, patch, updated.desired().version()));
        return updated;
    }

    /** Sends a committed desired change to the device when it is connected and subscribed. */
    private void push(DeviceId id, ObjectNode patch, TwinSection desired) {
        sessions.find(id)
                .filter(session -> session.isSubscribed(Subscription.DESIRED_PROPERTIES))
                .ifPresent(session -> {
                    ObjectNode body = patch.deepCopy();
                    body.put("$version", desired.version());
                    session.sendDesiredPatch(body, desired.version());
                });
    }

    private Twin change(DeviceId id, BiFunction<Twin, Instant, Twin> update, Instant now) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Twin current = get(id);
            Twin next = update.apply(current, now);
            if (twins.compareAndSet(current, next)) {
                return next;
            }
        }
        throw new DomainException(org.opencentral.core.ErrorCode.THROTTLED,
                "the twin of '" + id + "' is changing too often; try again");
    }
}
