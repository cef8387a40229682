package org.opencentral.platform.job;

import java.time.Clock;
import java.util.concurrent.Executor;
import org.opencentral.core.job.JobStore;
import org.opencentral.core.job.ScheduledJobStore;
import org.opencentral.platform.audit.AuditLog;
import org.opencentral.platform.background.BackgroundLoop;
import org.opencentral.platform.group.DeviceGroupService;

/**
 * The job feature as the composition root wires it: the REST side (jobs and scheduled jobs) and
 * one background loop that steps the scheduler and then the engine, at least every second and at
 * once when a job is created, stopped or resumed or devices finish ({@link #runOnce()} in tests).
 */
public final class Jobs implements AutoCloseable {
    /** The stores and services the jobs use. */
    public record Stores(JobStore jobs, ScheduledJobStore scheduledJobs, DeviceGroupService groups, AuditLog audit) {
    }

    private final JobService service;
    private final ScheduledJobService scheduled;
    private final JobScheduler scheduler;
    private final JobEngine engine;
    private final BackgroundLoop loop;
    private final JobChanges changes = new JobChanges();

    /** {@code executor} runs devices' steps. */
    public Jobs(Stores stores, JobSteps.Services services, JobSettings settings, Clock clock, Executor executor) {
        // it coordinates (devices' steps run on the executor), so it does not wait for a background core
        this.loop = BackgroundLoop.coordinating("jobs", () -> {
            runOnce();
            return BackgroundLoop.Next.IDLE;
        });
        JobStore store = new WatchedJobStore(stores.jobs(), changes);
        this.engine = new JobEngine(store, new GroupMembers(stores.groups()), new JobSteps(services, settings),
                settings, clock, executor, loop::wake);
        this.scheduler = new JobScheduler(stores.scheduledJobs(), stores.audit(), clock);
        this.service = new JobService(store, stores.groups(), id -> services.templates().find(id).isPresent(),
                loop::wake, clock);
        this.scheduled = new ScheduledJobService(stores.scheduledJobs(), service, loop::wake, clock);
    }

    public JobService service() {
        return service;
    }

    public ScheduledJobService scheduled() {
        return scheduled;
    }

    /** Where live views learn that a job changed. */
    public JobChanges changes() {
        return changes;
    }

    /** Starts stepping in the background. */
    public void start() {
        loop.start();
    }

    /** One step: due occurrences become jobs, then every job moves on. */
    public void runOnce() {
        scheduler.runOnce();
        engine.runOnce();
    }

    @Override
    public void close() {
        loop.close();
    }
}
