package org.opencentral.platform.provisioning;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.device.SymmetricKeys;
import org.opencentral.core.event.PlatformEvent.DeviceLifecycle;
import org.opencentral.core.event.PlatformEvent.DeviceLifecycle.Change;
import org.opencentral.core.provisioning.Registration;
import org.opencentral.core.store.DeviceStore;
import org.opencentral.core.store.OutboxStore;
import org.opencentral.core.store.OutboxStore.Recorder;
import org.opencentral.core.store.ProvisioningStore;
import org.opencentral.platform.provisioning.Attested.Group;

/**
 * Turns an attested registration into a device: creates it when absent (enabled and provisioned
 * when the application auto-approves, else disabled and waiting for approval), gives a
 * symmetric-key group device its derived keys, assigns the template of its model id, marks an
 * approved device provisioned and records the registration, all in one transaction with the
 * device's {@link DeviceLifecycle} event (the outbox). Blocking.
 */
final class DeviceEnroller {
    private final DeviceStore devices;
    private final ProvisioningStore provisioning;
    private final OutboxStore outbox;
    private final TemplateAssigner templates;
    private final Clock clock;

    DeviceEnroller(DeviceStore devices, ProvisioningStore provisioning, OutboxStore outbox, TemplateAssigner templates,
            Clock clock) {
        this.devices = devices;
        this.provisioning = provisioning;
        this.outbox = outbox;
        this.templates = templates;
        this.clock = clock;
    }

    Optional<Device> find(DeviceId id) {
        return devices.find(id);
    }

    /**
     * The device and its registration record after this registration. The template of the model id
     * (which may publish it from the model folder, a change of its own) is found before the
     * transaction, so that compiling a model never holds the state store's write lock.
     */
    Enrolled enroll(DeviceId id, Attested attested, Optional<String> modelId) {
        boolean needsTemplate = devices.find(id).flatMap(Device::template).isEmpty();
        Optional<String> template = needsTemplate ? modelId.flatMap(templates::templateFor) : Optional.empty();
        return outbox.write(events -> enroll(id, attested, new Assignment(modelId, template), events));
    }

    private Enrolled enroll(DeviceId id, Attested attested, Assignment assignment, Recorder events) {
        Optional<String> modelId = assignment.modelId();
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Optional<Registration> previous = provisioning.registrations().find(id.value());
        Optional<String> group = attested instanceof Group g ? Optional.of(g.group().id()) : Optional.empty();
        Optional<SymmetricKeys> derived = attested instanceof Group g ? g.deviceKeys() : Optional.empty();
        Device device = devices.find(id).map(existing -> update(existing, derived, assignment.template(), events))
                .orElseGet(() -> create(id, derived, assignment, now, events));
        Registration.Status status = device.enabled() ? Registration.Status.ASSIGNED
                : Registration.Status.WAITING_FOR_APPROVAL;
        Registration registration = new Registration(id.value(), id, status, group,
                modelId.or(() -> previous.flatMap(Registration::modelId)),
                previous.map(Registration::createdAt).orElse(now), now, "\"" + UUID.randomUUID() + "\"");
        provisioning.registrations().put(registration);
        return new Enrolled(device, registration);
    }

    private Device create(DeviceId id, Optional<SymmetricKeys> derived, Assignment assignment, Instant now,
            Recorder events) {
        boolean approved = provisioning.settings().autoApprove();
        Device device = devices.insert(Device.builder(id).template(assignment.template()).enabled(approved)
                .provisioned(approved).keys(derived.orElseGet(SymmetricKeys::generate)).modelId(assignment.modelId())
                .createdAt(now).build());
        events.record(new DeviceLifecycle(id, now, Change.CREATED));
        return device;
    }

    private Device update(Device current, Optional<SymmetricKeys> derived, Optional<String> assigned,
            Recorder events) {
        Optional<String> template = current.template().or(() -> assigned);
        SymmetricKeys keys = derived.orElse(current.keys());
        boolean provisioned = current.provisioned() || current.enabled();
        if (provisioned == current.provisioned() && keys.equals(current.keys())
                && template.equals(current.template())) {
            return current;
        }
        Device next = current.toBuilder().template(template).provisioned(provisioned).keys(keys).build();
        Device updated = devices.update(next, current.etag());
        events.record(new DeviceLifecycle(current.id(), clock.instant(), Change.UPDATED));
        return updated;
    }

    record Enrolled(Device device, Registration registration) {
    }

    /** The model id a device presented and the template found for it (if it needed one). */
    private record Assignment(Optional<String> modelId, Optional<String> template) {
    }
}
