package org.opencentral.api.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;
import org.opencentral.api.devices.DevicePaging;
import org.opencentral.api.http.ApiCall;
import org.opencentral.api.http.ETags;
import org.opencentral.core.job.Job;
import org.opencentral.core.job.ScheduledJob;
import org.opencentral.core.store.Page;
import org.opencentral.platform.job.ScheduledJobService;
import org.opencentral.platform.security.Permission;

/**
 * Scheduled jobs: PUT creates or replaces, PATCH merges the members given, DELETE answers 204;
 * PUT and PATCH honour {@code If-Match} (or the body's {@code etag}) with 412. {@code /jobs} lists
 * the jobs its occurrences created.
 */
final class ScheduledJobHandlers {
    static final String ID = "scheduledJobId";
    private final ScheduledJobService scheduled;

    ScheduledJobHandlers(ScheduledJobService scheduled) {
        this.scheduled = scheduled;
    }

    void list(ApiCall call) {
        DevicePaging paging = DevicePaging.of(call);
        Page<ScheduledJob> page = scheduled.list(call.scope(Permission.JOBS_VIEW), paging.after(), paging.size());
        paging.answer(call, page.items().stream().map(ScheduledJobJson::toJson).toList(), page.next());
    }

    void get(ApiCall call) {
        call.json(200, ScheduledJobJson.toJson(scheduled.get(call.pathParam(ID), call.scope(Permission.JOBS_VIEW))));
    }

    void put(ApiCall call) throws IOException {
        String id = call.pathParam(ID);
        ObjectNode body = call.bodyObject();
        save(call, id, body, Permission.JOBS_CREATE);
    }

    void patch(ApiCall call) throws IOException {
        String id = call.pathParam(ID);
        ScheduledJob current = scheduled.get(id, call.scope(Permission.JOBS_UPDATE));
        ObjectNode body = call.bodyObject();
        call.auditBefore(ScheduledJobJson.toJson(current));
        save(call, id, ScheduledJobJson.merged(current, body), Permission.JOBS_UPDATE, precondition(call, body)
                .or(() -> Optional.of(current.etag())));
    }

    void delete(ApiCall call) {
        String id = call.pathParam(ID);
        call.auditBefore(ScheduledJobJson.toJson(scheduled.get(id, call.scope(Permission.JOBS_DELETE))));
        scheduled.delete(id, call.scope(Permission.JOBS_DELETE));
        call.noContent();
    }

    void jobs(ApiCall call) {
        DevicePaging paging = DevicePaging.of(call);
        Page<Job> page = scheduled.jobs(call.pathParam(ID), call.scope(Permission.JOBS_VIEW), paging.after(),
                paging.size());
        paging.answer(call, page.items().stream().map(JobJson::toJson).toList(), page.next());
    }

    private void save(ApiCall call, String id, ObjectNode body, Permission permission) {
        save(call, id, body, permission, precondition(call, body));
    }

    private void save(ApiCall call, String id, ObjectNode body, Permission permission, Optional<String> precondition) {
        ScheduledJob saved = scheduled.put(id, ScheduledJobJson.changes(id, body), precondition,
                call.principal().actor(), call.scope(permission), call.scope(Permission.DEVICE_GROUPS_VIEW));
        call.header("ETag", ETags.quoted(saved.etag()));
        call.json(200, ScheduledJobJson.toJson(saved));
    }

    private static Optional<String> precondition(ApiCall call, ObjectNode body) {
        return ETags.precondition(call.header("If-Match"), org.opencentral.api.devices.DeviceJson.etag(body))
                .map(ETags::bare);
    }
}
