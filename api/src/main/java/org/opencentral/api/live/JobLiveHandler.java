package org.opencentral.api.live;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.opencentral.api.http.Access;
import org.opencentral.api.http.ApiCall;
import org.opencentral.api.http.ApiError;
import org.opencentral.api.http.StreamRoute;
import org.opencentral.api.jobs.JobJson;
import org.opencentral.core.DomainException;
import org.opencentral.core.job.Job;
import org.opencentral.platform.job.JobService;
import org.opencentral.platform.organization.AccessScope;
import org.opencentral.platform.security.Permission;

/**
 * {@code GET /api/live/jobs?api-version=…[&jobs=a,b]}: a {@code text/event-stream} for callers holding
 * {@code jobs.view}, with a {@code job} event (the job as {@code GET /api/jobs/{id}} answers it) each
 * time a job changes that the caller may view: created, started, a device's outcome recorded,
 * stopped, resumed, ended. With {@code jobs} (at most {@value #MAX_JOBS} ids, each one the caller may
 * view, else 404) only those. Changes that queued up while the stream was writing are sent once, with
 * the job as it is then; overflow and keep-alive as on the device stream ({@link LiveHandler}).
 */
public final class JobLiveHandler {
    public static final String PATH = "/api/live/jobs";
    static final int MAX_JOBS = 100;

    private final LiveFeed feed;
    private final JobService jobs;

    public JobLiveHandler(LiveFeed feed, JobService jobs) {
        this.feed = feed;
        this.jobs = jobs;
    }

    /** The route-table row of the jobs' live stream. */
    public static StreamRoute route(LiveFeed feed, JobService jobs) {
        return new StreamRoute(PATH, Access.requires(Permission.JOBS_VIEW), new JobLiveHandler(feed, jobs)::stream,
                "Live changes of jobs as Server-Sent Events: a job event with the job (status, progress) whenever "
                        + "it changes; overflow when the caller fell behind; a comment every 15 s.",
                Map.of("jobs", "Comma-separated ids of 1 to " + MAX_JOBS
                        + " jobs (optional; without it, every job the caller may view)."));
    }

    public void stream(ApiCall call) throws IOException, InterruptedException {
        AccessScope scope = call.scope(Permission.JOBS_VIEW);
        Predicate<String> watched = watched(call.query("jobs"), scope);
        try (LiveFeed.Subscription subscription = feed.subscribeJobs(watched)) {
            OutputStream out = call.eventStream();
            LiveHandler.write(out, LiveHandler.RETRY);
            while (true) {
                LiveFeed.Item item = subscription.poll(LiveHandler.HEARTBEAT_MILLIS);
                switch (item) {
                    case null -> LiveHandler.write(out, LiveHandler.KEEP_ALIVE);
                    case LiveFeed.Delivered delivered -> {
                        // a job stream watches no devices
                    }
                    case LiveFeed.JobChanged changed -> send(out, changed, subscription, scope);
                    case LiveFeed.Overflow overflow -> LiveHandler.write(out, LiveHandler.OVERFLOW);
                    case LiveFeed.Closed closed -> {
                        return;
                    }
                }
            }
        } catch (IOException browserLeft) {
            // The browser closed the stream; nothing to answer.
        }
    }

    private void send(OutputStream out, LiveFeed.JobChanged first, LiveFeed.Subscription subscription,
            AccessScope scope) throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(first.jobId());
        ids.addAll(subscription.drainJobChanges());
        for (String id : ids) {
            Optional<Job> job = jobs.find(id, scope);
            if (job.isPresent()) {
                LiveHandler.send(out, new LiveEvents.Sse("job", JobJson.toJson(job.get())));
            }
        }
    }

    /** Every job with no {@code jobs} parameter, else the jobs it names (each must exist within the scope). */
    private Predicate<String> watched(Optional<String> param, AccessScope scope) {
        if (param.isEmpty()) {
            return id -> true;
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String part : param.get().split(",")) {
            String id = part.trim();
            if (id.isEmpty()) {
                continue;
            }
            if (!Job.ID.matcher(id).matches()) {
                throw ApiError.badRequest("'jobs' names an invalid job id '" + id + "'");
            }
            if (jobs.find(id, scope).isEmpty()) {
                throw DomainException.notFound("job '" + id + "'");
            }
            ids.add(id);
        }
        if (ids.isEmpty() || ids.size() > MAX_JOBS) {
            throw ApiError.badRequest("'jobs' must name 1 to " + MAX_JOBS + " job ids");
        }
        return Set.copyOf(ids)::contains;
    }
}
