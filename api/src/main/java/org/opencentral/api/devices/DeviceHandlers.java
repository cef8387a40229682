package org.opencentral.api.devices;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.opencentral.api.http.ApiCall;
import org.opencentral.api.http.ApiError;
import org.opencentral.api.http.ETags;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.Json;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.Page;
import org.opencentral.platform.device.DeviceChanges;
import org.opencentral.platform.device.DeviceRegistry;
import org.opencentral.platform.organization.AccessScope;
import org.opencentral.platform.organization.OrganizationService;
import org.opencentral.platform.security.Permission;

/**
 * Device CRUD, and the device list with {@code $filter}, {@code $orderby} and keyset paging
 * ({@link DeviceListRequest}). PUT creates or replaces (members left out take their defaults; an assigned template is
 * kept, because unassigning one is template migration, a later feature); PATCH merges. Both honour
 * {@code If-Match} (or the body's {@code etag}) with 412, and answer 200 with the device and its ETag.
 */
public final class DeviceHandlers {
    private final DeviceRegistry registry;
    private final DeviceOrganizations organizations;
    private final java.util.function.Predicate<String> templateExists;

    public DeviceHandlers(DeviceRegistry registry, OrganizationService organizations) {
        this(registry, organizations, template -> true);
    }

    /** Handlers that refuse (400) a {@code template} for which {@code templateExists} is false. */
    public DeviceHandlers(DeviceRegistry registry, OrganizationService organizations,
            java.util.function.Predicate<String> templateExists) {
        this.registry = registry;
        this.organizations = new DeviceOrganizations(organizations);
        this.templateExists = templateExists;
    }

    public void list(ApiCall call) {
        DeviceListRequest request = DeviceListRequest.of(call);
        AccessScope scope = call.scope(Permission.DEVICES_VIEW);
        Page<Device> page = registry.list(scope.everywhere() ? request.query()
                : request.query().inOrganizations(scope.organizations()));
        ObjectNode body = Json.object();
        ArrayNode value = body.putArray("value");
        page.items().forEach(device -> value.add(DeviceJson.toJson(device)));
        page.next().ifPresent(next -> body.put("nextLink", request.nextLink(call, next)));
        call.json(200, body);
    }

    public void get(ApiCall call) {
        answer(call, registry.get(call.deviceId()));
    }

    public void put(ApiCall call) throws Exception {
        DeviceId id = call.deviceId();
        ObjectNode body = call.bodyObject();
        DeviceChanges given = requireTemplate(DeviceJson.changes(id.value(), body));
        Optional<String> precondition = ETags.precondition(call.header("If-Match"), DeviceJson.etag(body));
        Optional<Device> existing = registry.find(id);
        existing.ifPresent(d -> call.auditBefore(DeviceJson.toJson(d)));
        given = organizations.resolve(call, given, Permission.DEVICES_CREATE, existing.isEmpty());
        if (existing.isEmpty()) {
            if (precondition.isPresent()) {
                throw new DomainException(ErrorCode.PRECONDITION_FAILED,
                        "device '" + id + "' does not exist, so no etag can match");
            }
            try {
                answer(call, registry.create(id, given));
                return;
            } catch (DomainException e) {
                if (e.code() != ErrorCode.CONFLICT) {
                    throw e;
                }
            }
        }
        answer(call, registry.update(id, replacement(id, given), precondition));
    }

    public void patch(ApiCall call) throws Exception {
        DeviceId id = call.deviceId();
        ObjectNode body = call.bodyObject();
        DeviceChanges changes = requireTemplate(DeviceJson.changes(id.value(), body));
        call.auditBefore(DeviceJson.toJson(registry.get(id)));
        changes = organizations.resolve(call, changes, Permission.DEVICES_UPDATE, false);
        answer(call, registry.update(id, changes,
                ETags.precondition(call.header("If-Match"), DeviceJson.etag(body))));
    }

    /** Deletes a device: 204, 404 if absent, 412 if {@code If-Match} no longer matches (checked first). */
    public void delete(ApiCall call) {
        DeviceId id = call.deviceId();
        Optional<String> ifMatch = call.header("If-Match").map(ETags::quoted);
        Device current = registry.get(id);
        call.auditBefore(DeviceJson.toJson(current));
        if (ifMatch.isPresent() && !ifMatch.get().equals("*")) {
            if (!current.etag().equals(ifMatch.get())) {
                throw new DomainException(ErrorCode.PRECONDITION_FAILED,
                        "the device was changed since etag " + ifMatch.get());
            }
        }
        registry.delete(id);
        call.noContent();
    }

    /** Assigning or migrating to a template needs the template to exist. */
    private DeviceChanges requireTemplate(DeviceChanges changes) {
        changes.template().filter(t -> !templateExists.test(t)).ifPresent(t -> {
            throw ApiError.badRequest("device template '" + t + "' does not exist; publish it first");
        });
        return changes;
    }

    private static DeviceChanges replacement(DeviceId id, DeviceChanges given) {
        return new DeviceChanges(Optional.of(given.displayName().orElse(id.value())), given.template(),
                Optional.of(given.enabled().orElse(true)), Optional.of(given.simulated().orElse(false)),
                given.organization(), Optional.of(given.simulationInterval().orElse(Optional.empty())));
    }

    private static void answer(ApiCall call, Device device) {
        call.header("ETag", ETags.quoted(device.etag()));
        call.json(200, DeviceJson.toJson(device));
    }
}
