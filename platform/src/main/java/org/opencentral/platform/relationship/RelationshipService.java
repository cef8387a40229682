package org.opencentral.platform.relationship;

import java.util.Objects;
import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.relationship.DeviceRelationship;
import org.opencentral.core.store.Page;
import org.opencentral.core.store.RelationshipStore;
import org.opencentral.platform.device.DeviceRegistry;
import org.opencentral.platform.organization.AccessScope;
import org.opencentral.platform.template.TemplateService;

/**
 * Reads and changes a device's relationships. A relationship's source is the device it is listed
 * under; the target must exist, differ from the source and lie in the caller's scope (a target
 * outside it is reported exactly like a missing one). When the source's template declares DTDL
 * Relationships, the relationship's name must be one of them and its target must fit
 * ({@link ModelRelationships}).
 */
public final class RelationshipService {
    private final RelationshipStore store;
    private final DeviceRegistry devices;
    private final ModelRelationships model;

    public RelationshipService(RelationshipStore store, DeviceRegistry devices, TemplateService templates) {
        this.store = Objects.requireNonNull(store, "store");
        this.devices = Objects.requireNonNull(devices, "devices");
        this.model = new ModelRelationships(templates);
    }

    /** What a PUT or PATCH names: members left out are empty. */
    public record Changes(Optional<String> source, Optional<String> target, Optional<String> name) {
        public Changes {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(name, "name");
        }
    }

    /** A stored relationship and whether storing it created it. */
    public record Saved(DeviceRelationship relationship, boolean created) {
    }

    public Page<DeviceRelationship> list(DeviceId source, Optional<String> after, int limit) {
        devices.get(source);
        return store.list(source, after, limit);
    }

    public DeviceRelationship get(DeviceId source, String id) {
        devices.get(source);
        return find(source, id);
    }

    /** Creates or replaces relationship {@code id} of {@code source}; the target is required. */
    public Saved put(DeviceId source, String id, Changes changes, AccessScope scope) {
        Device from = devices.get(source);
        requireId(id);
        String target = changes.target().orElseThrow(() -> DomainException.badRequest(
                "a relationship needs a 'target' device"));
        return save(from, id, changes, target, changes.name(), scope);
    }

    /** Merges {@code changes} into the existing relationship. */
    public Saved patch(DeviceId source, String id, Changes changes, AccessScope scope) {
        Device from = devices.get(source);
        DeviceRelationship current = find(source, id);
        return save(from, id, changes, changes.target().orElse(current.target().value()),
                changes.name().or(current::name), scope);
    }

    public void delete(DeviceId source, String id) {
        devices.get(source);
        if (!store.delete(source, id)) {
            throw notFound(source, id);
        }
    }

    private Saved save(Device from, String id, Changes changes, String target, Optional<String> name,
            AccessScope scope) {
        DeviceId source = from.id();
        changes.source().filter(s -> !s.equals(source.value())).ifPresent(s -> {
            throw DomainException.badRequest("the relationship's 'source' must be the device '" + source
                    + "' it is created under, not '" + s + "'");
        });
        name.filter(n -> !DeviceRelationship.validName(n)).ifPresent(n -> {
            throw DomainException.badRequest("relationship name '" + n + "' must be a DTDL name: a letter, then "
                    + "letters, digits or '_'");
        });
        Device to = visibleTarget(target, scope);
        if (to.id().equals(source)) {
            throw DomainException.badRequest("device '" + source + "' cannot have a relationship with itself");
        }
        DeviceRelationship relationship = new DeviceRelationship(id, source, to.id(), model.check(from, name, to));
        return new Saved(relationship, store.put(relationship));
    }

    private Device visibleTarget(String target, AccessScope scope) {
        DeviceId id;
        try {
            id = DeviceId.of(target);
        } catch (RuntimeException e) {
            throw DomainException.badRequest("'target' is not a valid device id: " + e.getMessage());
        }
        Optional<Device> device = devices.find(id).filter(d -> scope.covers(d.organization()));
        return device.orElseThrow(() -> DomainException.badRequest("target device '" + target + "' does not exist"));
    }

    private DeviceRelationship find(DeviceId source, String id) {
        return store.find(source, id).orElseThrow(() -> notFound(source, id));
    }

    private static void requireId(String id) {
        if (!DeviceRelationship.validId(id)) {
            throw DomainException.badRequest("relationship id '" + id
                    + "' must be 1..128 letters, digits, '-', '.', '_' or ':'");
        }
    }

    private static DomainException notFound(DeviceId source, String id) {
        return DomainException.notFound("relationship '" + id + "' of device '" + source + "'");
    }
}
