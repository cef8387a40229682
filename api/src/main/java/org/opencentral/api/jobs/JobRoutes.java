package org.opencentral.api.jobs;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.PATCH;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;
import static org.opencentral.platform.security.Permission.JOBS_CREATE;
import static org.opencentral.platform.security.Permission.JOBS_DELETE;
import static org.opencentral.platform.security.Permission.JOBS_EXECUTE;
import static org.opencentral.platform.security.Permission.JOBS_UPDATE;
import static org.opencentral.platform.security.Permission.JOBS_VIEW;

import java.util.List;
import org.opencentral.api.http.Access;
import org.opencentral.api.http.ApiRoute;
import org.opencentral.platform.job.Jobs;

/**
 * The job and scheduled job rows of the route table: view to read jobs, their devices and scheduled
 * jobs; execute to create a job (it runs as soon as the engine has room), stop, resume or rerun one;
 * create, update and delete for scheduled jobs. Jobs of organizations are visible to callers whose
 * job permissions cover them.
 */
public final class JobRoutes {
    public static final String JOBS = "/api/jobs";
    private static final String JOB = JOBS + "/{" + JobHandlers.ID + "}";
    private static final String SCHEDULED = "/api/scheduledJobs";
    private static final String SCHEDULED_JOB = SCHEDULED + "/{" + ScheduledJobHandlers.ID + "}";

    private JobRoutes() {
    }

    public static List<ApiRoute> table(Jobs feature) {
        var jobs = new JobHandlers(feature.service());
        var scheduled = new ScheduledJobHandlers(feature.scheduled());
        return List.of(
                ApiRoute.of(GET, JOBS, Access.requires(JOBS_VIEW), jobs::list, false),
                ApiRoute.of(GET, JOB, Access.requires(JOBS_VIEW), jobs::get, false),
                ApiRoute.of(PUT, JOB, Access.requires(JOBS_EXECUTE), jobs::put, false),
                ApiRoute.of(GET, JOB + "/devices", Access.requires(JOBS_VIEW), jobs::devices, false),
                ApiRoute.of(POST, JOB + "/stop", Access.requires(JOBS_EXECUTE), jobs::stop, false),
                ApiRoute.of(POST, JOB + "/resume", Access.requires(JOBS_EXECUTE), jobs::resume, false),
                ApiRoute.of(PUT, JOB + "/rerun/{rerunId}", Access.requires(JOBS_EXECUTE), jobs::rerun, false),
                ApiRoute.of(GET, SCHEDULED, Access.requires(JOBS_VIEW), scheduled::list, false),
                ApiRoute.of(GET, SCHEDULED_JOB, Access.requires(JOBS_VIEW), scheduled::get, false),
                ApiRoute.of(PUT, SCHEDULED_JOB, Access.requires(JOBS_CREATE), scheduled::put, false),
                ApiRoute.of(PATCH, SCHEDULED_JOB, Access.requires(JOBS_UPDATE), scheduled::patch, false),
                ApiRoute.of(DELETE, SCHEDULED_JOB, Access.requires(JOBS_DELETE), scheduled::delete, false),
                ApiRoute.of(GET, SCHEDULED_JOB + "/jobs", Access.requires(JOBS_VIEW), scheduled::jobs, false));
    }
}
