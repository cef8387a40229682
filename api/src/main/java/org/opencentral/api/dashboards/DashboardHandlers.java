package org.opencentral.api.dashboards;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;
import org.opencentral.api.devices.DeviceJson;
import org.opencentral.api.devices.DevicePaging;
import org.opencentral.api.http.ApiCall;
import org.opencentral.api.http.ETags;
import org.opencentral.core.dashboard.Dashboard;
import org.opencentral.core.store.Page;
import org.opencentral.platform.dashboard.DashboardCaller;
import org.opencentral.platform.dashboard.DashboardService;

/**
 * Dashboards: GET (paged, {@code nextLink}), PUT creates or replaces, PATCH merges, DELETE answers
 * 204; PUT, PATCH and DELETE honour {@code If-Match} (or the body's {@code etag}) with 412. The
 * body's {@code id} is read-only and ignored; {@code personal: true} on a PUT that creates makes a
 * personal dashboard of the caller.
 */
final class DashboardHandlers {
    static final String ID = "dashboardId";
    private final DashboardService dashboards;

    DashboardHandlers(DashboardService dashboards) {
        this.dashboards = dashboards;
    }

    void list(ApiCall call) {
        DevicePaging paging = DevicePaging.of(call);
        Page<Dashboard> page = dashboards.list(caller(call), paging.after(), paging.size());
        paging.answer(call, page.items().stream().map(DashboardJson::toJson).toList(), page.next());
    }

    void get(ApiCall call) {
        answer(call, dashboards.get(call.pathParam(ID), caller(call)));
    }

    void put(ApiCall call) throws IOException {
        String id = call.pathParam(ID);
        ObjectNode body = call.bodyObject();
        DashboardCaller caller = caller(call);
        dashboards.find(id, caller).ifPresent(d -> call.auditBefore(DashboardJson.toJson(d)));
        answer(call, dashboards.put(id, DashboardJson.changes(body), precondition(call, body), caller).dashboard());
    }

    void patch(ApiCall call) throws IOException {
        String id = call.pathParam(ID);
        ObjectNode body = call.bodyObject();
        DashboardCaller caller = caller(call);
        call.auditBefore(DashboardJson.toJson(dashboards.get(id, caller)));
        answer(call, dashboards.patch(id, DashboardJson.changes(body), precondition(call, body), caller));
    }

    void delete(ApiCall call) {
        String id = call.pathParam(ID);
        DashboardCaller caller = caller(call);
        call.auditBefore(DashboardJson.toJson(dashboards.get(id, caller)));
        dashboards.delete(id, call.header("If-Match").map(ETags::bare), caller);
        call.noContent();
    }

    static DashboardCaller caller(ApiCall call) {
        return new DashboardCaller(call.principal(), call::scope);
    }

    private static Optional<String> precondition(ApiCall call, ObjectNode body) {
        return ETags.precondition(call.header("If-Match"), DeviceJson.etag(body)).map(ETags::bare);
    }

    private static void answer(ApiCall call, Dashboard dashboard) {
        call.header("ETag", ETags.quoted(dashboard.etag()));
        call.json(200, DashboardJson.toJson(dashboard));
    }
}
