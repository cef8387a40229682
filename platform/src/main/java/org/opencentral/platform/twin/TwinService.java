package org.opencentral.platform.twin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.opencentral.core.DomainException;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.event.PlatformEvent.DesiredPropertiesUpdated;
import org.opencentral.core.event.PlatformEvent.ReportedPropertiesUpdated;
import org.opencentral.core.store.TwinStore;
import org.opencentral.core.twin.Twin;
import org.opencentral.core.twin.TwinSection;
import org.opencentral.platform.session.DeviceSession.Subscription;
import org.opencentral.platform.session.DeviceSessions;

/**
 * Reads and changes device twins. Each change is a compare-and-set on the stored twin (retried when
 * another writer came first), then an event in the log; desired changes are pushed to the device
 * when it is connected and subscribed. Blocking: call from virtual threads, never an event loop.
 */
public final class TwinService {
    private static final int MAX_ATTEMPTS = 20;

    private final TwinStore twins;
    private final EventLog log;
    private final DeviceSessions sessions;
    private final Clock clock;

    public TwinService(TwinStore twins, EventLog log, DeviceSessions sessions, Clock clock) {
        this.twins = twins;
        this.log = log;
        this.sessions = sessions;
        this.clock = clock;
    }

    public Twin get(DeviceId id) {
        return twins.find(id).orElseThrow(() -> DomainException.notFound("device '" + id + "'"));
    }

    /**
     * Applies a device's reported patch. The future completes with the new reported version once
     * the change is durable in the log (only then may the device be answered).
     */
    public CompletableFuture<Long> patchReported(DeviceId id, ObjectNode patch) {
        Instant now = clock.instant();
        Twin updated = change(id, (twin, at) -> twin.withReported(TwinPatch.apply(twin.reported(), patch, at, false)),
                now);
        long version = updated.reported().version();
        return log.append(new ReportedPropertiesUpdated(id, now, TwinPatch.clean(patch), version))
                .thenApply(seq -> version);
    }

    /** Applies a service-side desired patch and pushes it to the device; returns the new twin. */
    public Twin patchDesired(DeviceId id, ObjectNode patch) {
        Instant now = clock.instant();
        Twin updated = change(id, (twin, at) -> twin.withDesired(TwinPatch.apply(twin.desired(), patch, at, true)),
                now);
        publishDesired(id, TwinPatch.clean(patch), updated.desired(), now);
        return updated;
    }

    /** Replaces all desired properties (members missing from {@code desired} are deleted). */
    public Twin replaceDesired(DeviceId id, ObjectNode desired) {
        Instant now = clock.instant();
        Twin before = get(id);
        Twin updated = change(id, (twin, at) -> twin.withDesired(TwinPatch.replace(twin.desired(), desired, at, true)),
                now);
        ObjectNode patch = TwinPatch.clean(desired);
        before.desired().properties().fieldNames().forEachRemaining(name -> {
            if (!patch.has(name)) {
                patch.putNull(name);
            }
        });
        publishDesired(id, patch, updated.desired(), now);
        return updated;
    }

    private void publishDesired(DeviceId id, ObjectNode patch, TwinSection desired, Instant now) {
        log.append(new DesiredPropertiesUpdated(id, now, patch, desired.version())).join();
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
