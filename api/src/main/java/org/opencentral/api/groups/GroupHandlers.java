package org.opencentral.api.groups;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;
import org.opencentral.api.devices.DeviceJson;
import org.opencentral.api.devices.DevicePaging;
import org.opencentral.api.http.ApiCall;
import org.opencentral.api.http.ApiError;
import org.opencentral.api.http.ETags;
import org.opencentral.core.Json;
import org.opencentral.core.device.Device;
import org.opencentral.core.group.DeviceGroup;
import org.opencentral.core.store.Page;
import org.opencentral.platform.group.DeviceGroupService;
import org.opencentral.platform.group.GroupChanges;
import org.opencentral.platform.security.Permission;

/**
 * Device groups: GET (paged like device lists), PUT creates or replaces, PATCH merges, DELETE
 * answers 204; PUT, PATCH and DELETE honour {@code If-Match} (or the body's {@code etag}) with 412.
 * The body's {@code id} is read-only and ignored. A group's devices are the members the caller's
 * device scope covers. Invalid filters are 400 with the position of the error.
 */
public final class GroupHandlers {
    static final String ID = "deviceGroupId";
    private static final int PREVIEW_DEFAULT = 25;
    private final DeviceGroupService groups;

    public GroupHandlers(DeviceGroupService groups) {
        this.groups = groups;
    }

    public void list(ApiCall call) {
        DevicePaging paging = DevicePaging.of(call);
        Page<DeviceGroup> page = groups.list(call.scope(Permission.DEVICE_GROUPS_VIEW), paging.after(), paging.size());
        paging.answer(call, page.items().stream().map(GroupJson::toJson).toList(), page.next());
    }

    public void get(ApiCall call) {
        answer(call, groups.get(call.pathParam(ID), call.scope(Permission.DEVICE_GROUPS_VIEW)));
    }

    public void put(ApiCall call) throws IOException {
        String id = call.pathParam(ID);
        ObjectNode body = call.bodyObject();
        groups.find(id, call.scope(Permission.DEVICE_GROUPS_VIEW)).ifPresent(g -> call.auditBefore(GroupJson.toJson(g)));
        DeviceGroupService.Saved saved = groups.put(id, inCallersOrganization(call, GroupJson.changes(body)),
                precondition(call, body), call.scope(Permission.DEVICE_GROUPS_CREATE));
        answer(call, saved.group());
    }

    public void patch(ApiCall call) throws IOException {
        String id = call.pathParam(ID);
        ObjectNode body = call.bodyObject();
        call.auditBefore(GroupJson.toJson(groups.get(id, call.scope(Permission.DEVICE_GROUPS_UPDATE))));
        answer(call, groups.patch(id, GroupJson.changes(body), precondition(call, body),
                call.scope(Permission.DEVICE_GROUPS_UPDATE)));
    }

    public void delete(ApiCall call) {
        String id = call.pathParam(ID);
        call.auditBefore(GroupJson.toJson(groups.get(id, call.scope(Permission.DEVICE_GROUPS_DELETE))));
        groups.delete(id, call.header("If-Match").map(ETags::bare), call.scope(Permission.DEVICE_GROUPS_DELETE));
        call.noContent();
    }

    /** {@code GET /deviceGroups/{id}/devices}: the members, by device id, paged. */
    public void devices(ApiCall call) {
        DevicePaging paging = DevicePaging.of(call);
        Page<Device> page = groups.members(call.pathParam(ID), call.scope(Permission.DEVICE_GROUPS_VIEW),
                call.scope(Permission.DEVICES_VIEW), paging.after(), paging.size());
        paging.answer(call, page.items().stream().map(DeviceJson::toJson).toList(), page.next());
    }

    /** Extension: {@code GET /deviceGroupPreview?filter=…}: what an unsaved filter matches now. */
    public void preview(ApiCall call) {
        String filter = call.query("filter").orElseThrow(() -> ApiError.badRequest("the query parameter 'filter' is required"));
        int size = call.query("maxpagesize").isPresent()
                ? DevicePaging.of(call.query("maxpagesize"), Optional.empty(), Optional.empty()).size()
                : PREVIEW_DEFAULT;
        DeviceGroupService.Preview preview = groups.preview(filter, call.scope(Permission.DEVICES_VIEW), size);
        ObjectNode body = Json.object();
        body.put("count", preview.count());
        ArrayNode value = body.putArray("value");
        preview.devices().forEach(d -> value.add(DeviceJson.toJson(d)));
        call.json(200, body);
    }

    /** Extension: {@code GET /devices/{deviceId}/deviceGroups}: the groups the device is a member of now. */
    public void ofDevice(ApiCall call) {
        ObjectNode body = Json.object();
        ArrayNode value = body.putArray("value");
        groups.groupsOf(call.deviceId(), call.scope(Permission.DEVICE_GROUPS_VIEW))
                .forEach(g -> value.add(GroupJson.toJson(g)));
        call.json(200, body);
    }

    /**
     * A PUT that names no organizations, from a caller scoped to organizations, places the group in
     * the caller's (first) organization, as devices are placed.
     */
    private static GroupChanges inCallersOrganization(ApiCall call, GroupChanges changes) {
        if (changes.organizations().isPresent() || call.scope(Permission.DEVICE_GROUPS_CREATE).everywhere()) {
            return changes;
        }
        Optional<String> own = call.principal().grants().stream()
                .filter(g -> g.permissions().contains(Permission.DEVICE_GROUPS_CREATE))
                .flatMap(g -> g.organization().stream()).findFirst();
        return new GroupChanges(changes.displayName(), changes.filter(), changes.description(),
                Optional.of(own.map(java.util.List::of).orElse(java.util.List.of())));
    }

    /** The precondition as the store keeps etags (bare); {@code *} stays {@code *}. */
    private static Optional<String> precondition(ApiCall call, ObjectNode body) {
        return ETags.precondition(call.header("If-Match"), DeviceJson.etag(body)).map(ETags::bare);
    }

    private static void answer(ApiCall call, DeviceGroup group) {
        call.header("ETag", ETags.quoted(group.etag()));
        call.json(200, GroupJson.toJson(group));
    }
}
