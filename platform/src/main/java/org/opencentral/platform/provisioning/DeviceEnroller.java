package org.opencentral.platform.provisioning;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.device.SymmetricKeys;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.event.PlatformEvent.DeviceLifecycle;
import org.opencentral.core.event.PlatformEvent.DeviceLifecycle.Change;
import org.opencentral.core.provisioning.Registration;
import org.opencentral.core.store.DeviceStore;
import org.opencentral.core.store.ProvisioningStore;
import org.opencentral.platform.provisioning.Attested.Group;

/**
 * Turns an attested registration into a device: creates it when absent (enabled and provisioned
 * when the application auto-approves, else disabled and waiting for approval), gives a
 * symmetric-key group device its derived keys, assigns the template of its model id, marks an
 * approved device provisioned and records the registration. Blocking.
 */
final class DeviceEnroller {
    private final DeviceStore devices;
    private final ProvisioningStore provisioning;
    private final EventLog log;
    private final TemplateAssigner templates;
    private final Clock clock;

    DeviceEnroller(DeviceStore devices, ProvisioningStore provisioning, EventLog log, TemplateAssigner templates,
            Clock clock) {
        this.devices = devices;
        this.provisioning = provisioning;
        this.log = log;
        this.templates = templates;
        this.clock = clock;
    }

    Optional<Device> find(DeviceId id) {
        return devices.find(id);
    }

    /** The device and its registration record after this registration. */
    Enrolled enroll(DeviceId id, Attested attested, Optional<String> modelId) {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Optional<Registration> previous = provisioning.registrations().find(id.value());
        Optional<String> group = attested instanceof Group g ? Optional.of(g.group().id()) : Optional.empty();
        Optional<SymmetricKeys> derived = attested instanceof Group g ? g.deviceKeys() : Optional.empty();
        Device device = devices.find(id).map(existing -> update(existing, derived, modelId))
                .orElseGet(() -> create(id, derived, modelId, now));
        Registration.Status status = device.enabled() ? Registration.Status.ASSIGNED
                : Registration.Status.WAITING_FOR_APPROVAL;
        Registration registration = new Registration(id.value(), id, status, group,
                modelId.or(() -> previous.flatMap(Registration::modelId)),
                previous.map(Registration::createdAt).orElse(now), now, "\"" + UUID.randomUUID() + "\"");
        provisioning.registrations().put(registration);
        return new Enrolled(device, registration);
    }

    private Device create(DeviceId id, Optional<SymmetricKeys> derived, Optional<String> modelId, Instant now) {
        boolean approved = provisioning.settings().autoApprove();
        Device device = devices.insert(new Device(id, id.value(), modelId.flatMap(templates::templateFor), approved,
                false, approved, "", derived.orElseGet(SymmetricKeys::generate), modelId, Device.Connection.NEVER,
                now));
        log.append(new DeviceLifecycle(id, now, Change.CREATED)).join();
        return device;
    }

    private Device update(Device current, Optional<SymmetricKeys> derived, Optional<String> modelId) {
        Optional<String> template = current.template().or(() -> modelId.flatMap(templates::templateFor));
        SymmetricKeys keys = derived.orElse(current.keys());
        boolean provisioned = current.provisioned() || current.enabled();
        if (provisioned == current.provisioned() && keys.equals(current.keys())
                && template.equals(current.template())) {
            return current;
        }
        Device next = new Device(current.id(), current.displayName(), template, current.enabled(),
                current.simulated(), provisioned, current.etag(), keys, current.modelId(), current.connection(),
                current.createdAt(), current.organization(), current.simulationInterval());
        Device updated = devices.update(next, current.etag());
        log.append(new DeviceLifecycle(current.id(), clock.instant(), Change.UPDATED)).join();
        return updated;
    }

    record Enrolled(Device device, Registration registration) {
    }
}
