package org.opencentral.api.jobs;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;
import static org.opencentral.platform.security.Permission.JOBS_EXECUTE;
import static org.opencentral.platform.security.Permission.JOBS_VIEW;

import java.util.List;
import org.opencentral.api.http.Access;
import org.opencentral.api.http.ApiRoute;
import org.opencentral.platform.job.JobService;

/**
 * The job rows of the route table: view to read jobs and their devices; execute to create a job
 * (it runs as soon as the engine has room), stop, resume or rerun one. Jobs of organizations are
 * visible to callers whose job permissions cover them.
 */
public final class JobRoutes {
    public static final String JOBS = "/api/jobs";
    private static final String JOB = JOBS + "/{" + JobHandlers.ID + "}";

    private JobRoutes() {
    }

    public static List<ApiRoute> table(JobService service) {
        var jobs = new JobHandlers(service);
        return List.of(
                ApiRoute.of(GET, JOBS, Access.requires(JOBS_VIEW), jobs::list, false),
                ApiRoute.of(GET, JOB, Access.requires(JOBS_VIEW), jobs::get, false),
                ApiRoute.of(PUT, JOB, Access.requires(JOBS_EXECUTE), jobs::put, false),
                ApiRoute.of(GET, JOB + "/devices", Access.requires(JOBS_VIEW), jobs::devices, false),
                ApiRoute.of(POST, JOB + "/stop", Access.requires(JOBS_EXECUTE), jobs::stop, false),
                ApiRoute.of(POST, JOB + "/resume", Access.requires(JOBS_EXECUTE), jobs::resume, false),
                ApiRoute.of(PUT, JOB + "/rerun/{rerunId}", Access.requires(JOBS_EXECUTE), jobs::rerun, false));
    }
}
