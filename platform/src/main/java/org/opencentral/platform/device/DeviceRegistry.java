package org.opencentral.platform.device;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.opencentral.core.DomainException;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.PlatformEvent.DeviceLifecycle;
import org.opencentral.core.event.PlatformEvent.DeviceLifecycle.Change;
import org.opencentral.core.store.DeviceListQuery;
import org.opencentral.core.store.DeviceStore;
import org.opencentral.core.store.OutboxStore;
import org.opencentral.core.store.Page;
import org.opencentral.platform.command.CommandHistory;
import org.opencentral.platform.session.DeviceSessions;

/**
 * Creates, changes and deletes devices. Every change records its {@link DeviceLifecycle} event in the
 * same transaction (the outbox), from where it reaches the event log. Disabling or
 * deleting a device closes its live connection; deleting it takes its command history with it. Blocking: call it from virtual threads.
 */
public final class DeviceRegistry {
    public static final int MAX_PAGE = 1000;

    private final DeviceStore devices;
    private final OutboxStore outbox;
    private final DeviceSessions sessions;
    private final CommandHistory commandHistory;
    private final Clock clock;

    public DeviceRegistry(DeviceStore devices, OutboxStore outbox, DeviceSessions sessions,
            CommandHistory commandHistory, Clock clock) {
        this.devices = devices;
        this.outbox = outbox;
        this.sessions = sessions;
        this.commandHistory = commandHistory;
        this.clock = clock;
    }

    public Optional<Device> find(DeviceId id) {
        return devices.find(id);
    }

    public Device get(DeviceId id) {
        return devices.find(id).orElseThrow(() -> DomainException.notFound("device '" + id + "'"));
    }

    /** NOT_FOUND unless the device is registered; cheaper than {@link #get} (its record is not read). */
    public void requireExists(DeviceId id) {
        if (!devices.exists(id)) {
            throw DomainException.notFound("device '" + id + "'");
        }
    }

    /** One page of the devices the query selects; BAD_REQUEST for a page size over {@value #MAX_PAGE}. */
    public Page<Device> list(DeviceListQuery query) {
        if (query.limit() > MAX_PAGE) {
            throw DomainException.badRequest("page size must be between 1 and " + MAX_PAGE);
        }
        return devices.list(query);
    }

    public long count() {
        return devices.count();
    }

    /** Creates a device with fresh keys; CONFLICT if the id is taken. */
    public Device create(DeviceId id, DeviceChanges spec) {
        Instant now = clock.instant();
        Device device = Device.builder(id).displayName(spec.displayName().orElse(id.value()))
                .template(spec.template()).enabled(spec.enabled().orElse(true))
                .simulated(spec.simulated().orElse(false)).etag(newEtag()).createdAt(now)
                .organization(spec.organization()).simulationInterval(spec.simulationInterval().flatMap(i -> i))
                .build();
        return outbox.write(events -> {
            Device created = devices.insert(device);
            events.record(new DeviceLifecycle(id, now, Change.CREATED));
            return created;
        });
    }

    /**
     * Applies changes if the device's etag still matches {@code ifMatch} (when given);
     * PRECONDITION_FAILED otherwise.
     */
    public Device update(DeviceId id, DeviceChanges changes, Optional<String> ifMatch) {
        Device current = get(id);
        String expected = ifMatch.orElse(current.etag());
        if (!expected.equals(current.etag()) && !"*".equals(expected)) {
            throw new DomainException(org.opencentral.core.ErrorCode.PRECONDITION_FAILED,
                    "the device was changed since etag " + expected);
        }
        Device next = current.toBuilder().displayName(changes.displayName().orElse(current.displayName()))
                .template(changes.template().isPresent() ? changes.template() : current.template())
                .enabled(changes.enabled().orElse(current.enabled()))
                .simulated(changes.simulated().orElse(current.simulated())).etag(newEtag())
                .organization(changes.organization().or(current::organization))
                .simulationInterval(changes.simulationInterval().orElse(current.simulationInterval())).build();
        Device updated = outbox.write(events -> {
            Device stored = devices.update(next, current.etag());
            events.record(new DeviceLifecycle(id, clock.instant(), Change.UPDATED));
            return stored;
        });
        if (!updated.enabled()) {
            sessions.find(id).ifPresent(session -> session.close("device disabled"));
        }
        return updated;
    }

    /**
     * Deletes a device with its command history and closes its connection; NOT_FOUND if there is none.
     * A device registered again under the same ID starts with an empty history.
     */
    public void delete(DeviceId id) {
        outbox.run(events -> {
            if (!devices.delete(id)) {
                throw DomainException.notFound("device '" + id + "'");
            }
            events.record(new DeviceLifecycle(id, clock.instant(), Change.DELETED));
        });
        commandHistory.forget(id);
        sessions.find(id).ifPresent(session -> session.close("device deleted"));
    }

    private static String newEtag() {
        return "\"" + UUID.randomUUID() + "\"";
    }
}
