package org.opencentral.api.jobs;

import java.io.IOException;
import java.util.Optional;
import org.opencentral.api.devices.DevicePaging;
import org.opencentral.api.http.ApiCall;
import org.opencentral.core.job.Job;
import org.opencentral.core.job.JobDefinitionJson;
import org.opencentral.core.job.JobDevice;
import org.opencentral.core.store.Page;
import org.opencentral.platform.job.JobService;
import org.opencentral.platform.security.Permission;

/**
 * Jobs: PUT creates a job (it answers at once, pending; the engine starts it), GET reads jobs and
 * their devices (paged by id), stop and resume answer 204, rerun answers the new job. The body's
 * read-only members ({@code id}, {@code status}, {@code progress}, …) are ignored.
 */
final class JobHandlers {
    static final String ID = "jobId";
    private final JobService jobs;

    JobHandlers(JobService jobs) {
        this.jobs = jobs;
    }

    void list(ApiCall call) {
        DevicePaging paging = DevicePaging.of(call);
        Page<Job> page = jobs.list(call.scope(Permission.JOBS_VIEW), Optional.empty(), paging.after(), paging.size());
        paging.answer(call, page.items().stream().map(JobJson::toJson).toList(), page.next());
    }

    void get(ApiCall call) {
        call.json(200, JobJson.toJson(jobs.get(call.pathParam(ID), call.scope(Permission.JOBS_VIEW))));
    }

    void put(ApiCall call) throws IOException {
        String id = call.pathParam(ID);
        Job job = jobs.create(id, Optional.empty(), JobDefinitionJson.read(call.bodyObject(), id),
                call.principal().actor(), call.scope(Permission.JOBS_EXECUTE), call.scope(Permission.DEVICE_GROUPS_VIEW));
        call.json(200, JobJson.toJson(job));
    }

    void devices(ApiCall call) {
        DevicePaging paging = DevicePaging.of(call);
        Page<JobDevice> page = jobs.devices(call.pathParam(ID), call.scope(Permission.JOBS_VIEW), Optional.empty(),
                paging.after(), paging.size());
        paging.answer(call, page.items().stream().map(JobJson::toJson).toList(), page.next());
    }

    void stop(ApiCall call) {
        jobs.stop(call.pathParam(ID), call.scope(Permission.JOBS_EXECUTE));
        call.noContent();
    }

    void resume(ApiCall call) {
        jobs.resume(call.pathParam(ID), call.scope(Permission.JOBS_EXECUTE));
        call.noContent();
    }

    void rerun(ApiCall call) {
        Job job = jobs.rerun(call.pathParam(ID), call.pathParam("rerunId"), call.principal().actor(),
                call.scope(Permission.JOBS_EXECUTE));
        call.json(200, JobJson.toJson(job));
    }
}
