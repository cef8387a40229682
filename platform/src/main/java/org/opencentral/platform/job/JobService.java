package org.opencentral.platform.job;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.job.DeviceJobStatus;
import org.opencentral.core.job.Job;
import org.opencentral.core.job.JobData;
import org.opencentral.core.job.JobDefinition;
import org.opencentral.core.job.JobDevice;
import org.opencentral.core.job.JobStatus;
import org.opencentral.core.job.JobStore;
import org.opencentral.core.store.Page;
import org.opencentral.core.group.DeviceGroup;
import org.opencentral.platform.group.DeviceGroupService;
import org.opencentral.platform.organization.AccessScope;

/**
 * Jobs for the REST API: creating one (it waits in pending until the engine starts it), reading
 * jobs and their devices within the caller's organizations, stopping, resuming and rerunning a job
 * on its failed devices. A job belongs to the organization it names, else to its group's.
 */
public final class JobService {
    private static final Set<JobStatus> ACTIVE = Set.of(JobStatus.PENDING, JobStatus.RUNNING);

    private final JobStore store;
    private final DeviceGroupService groups;
    private final Predicate<String> templateExists;
    private final Runnable wake;
    private final Clock clock;

    /** {@code wake} asks the engine for a step (a job is waiting or was stopped). */
    public JobService(JobStore store, DeviceGroupService groups, Predicate<String> templateExists, Runnable wake,
            Clock clock) {
        this.store = store;
        this.groups = groups;
        this.templateExists = templateExists;
        this.wake = wake;
        this.clock = clock;
    }

    /** Creates a pending job; CONFLICT if the id exists, BAD_REQUEST if its group or a template does not. */
    public Job create(String id, Optional<String> scheduledJob, JobDefinition definition, String actor,
            AccessScope jobScope, AccessScope groupScope) {
        requireId(id);
        Job job = store.insert(Job.pending(id, scheduledJob, checked(definition, jobScope, groupScope), actor,
                clock.instant()));
        wake.run();
        return job;
    }

    /** The definition with its organization settled, once its group and templates are known to exist. */
    public JobDefinition checked(JobDefinition definition, AccessScope jobScope, AccessScope groupScope) {
        DeviceGroup group = groups.find(definition.group(), groupScope).orElseThrow(() -> DomainException.badRequest(
                "device group '" + definition.group() + "' does not exist"));
        for (JobData data : definition.data()) {
            String template = switch (data) {
                case JobData.Property p -> p.target();
                case JobData.CloudProperty p -> p.target();
                case JobData.Command c -> c.target();
                case JobData.TemplateMigration m -> m.template();
            };
            if (!templateExists.test(template)) {
                throw DomainException.badRequest("device template '" + template + "' does not exist");
            }
        }
        List<String> organizations = definition.organizations().isEmpty() ? group.organizations()
                : definition.organizations();
        if (!jobScope.covers(organizations.stream().findFirst())) {
            throw new DomainException(ErrorCode.FORBIDDEN, "the caller cannot run jobs in "
                    + organizations.stream().findFirst().map(o -> "organization '" + o + "'")
                            .orElse("the application root"));
        }
        return new JobDefinition(definition.displayName(), definition.description(), definition.group(),
                definition.batch(), definition.cancellationThreshold(), definition.data(), organizations);
    }

    public Page<Job> list(AccessScope scope, Optional<String> scheduledJob, Optional<String> after, int limit) {
        return store.list(organizations(scope), scheduledJob, after, limit);
    }

    /** The job; NOT_FOUND when it does not exist or lies outside {@code scope}. */
    public Job get(String id, AccessScope scope) {
        return find(id, scope).orElseThrow(() -> DomainException.notFound("job '" + id + "'"));
    }

    /** The job if it exists and lies inside {@code scope}. */
    public Optional<Job> find(String id, AccessScope scope) {
        return store.find(id).filter(j -> scope.covers(j.definition().organization()));
    }

    public Page<JobDevice> devices(String id, AccessScope scope, Optional<DeviceJobStatus> status,
            Optional<String> after, int limit) {
        get(id, scope);
        return store.devices(id, status, after, limit);
    }

    /** Stops a pending or running job; CONFLICT when it is neither. */
    public void stop(String id, AccessScope scope) {
        move(get(id, scope), ACTIVE, JobStatus.STOPPED);
    }

    /** Resumes a stopped job: it waits in pending until a place to run is free; CONFLICT when it is not stopped. */
    public void resume(String id, AccessScope scope) {
        move(get(id, scope), Set.of(JobStatus.STOPPED), JobStatus.PENDING);
    }

    /**
     * A new job {@code rerunId} with the definition of {@code id}, on the devices that failed in it;
     * CONFLICT while the job is pending or running, or when none of its devices failed.
     */
    public Job rerun(String id, String rerunId, String actor, AccessScope scope) {
        requireId(rerunId);
        Job original = get(id, scope);
        if (ACTIVE.contains(original.status())) {
            throw DomainException.conflict("job '" + id + "' is " + original.status().wireName()
                    + "; stop it or let it finish before rerunning it");
        }
        List<org.opencentral.core.device.DeviceId> failed = new java.util.ArrayList<>();
        Optional<String> after = Optional.empty();
        do {
            Page<JobDevice> page = store.devices(id, Optional.of(DeviceJobStatus.FAILED), after, 1000);
            page.items().forEach(d -> failed.add(d.device()));
            after = page.next();
        } while (after.isPresent());
        if (failed.isEmpty()) {
            throw DomainException.conflict("job '" + id + "' has no failed devices to rerun");
        }
        Job rerun = store.insert(Job.pending(rerunId, Optional.empty(), original.definition(), actor,
                clock.instant()));
        int batchSize = original.definition().batch().map(b -> b.of(failed.size())).orElse(failed.size());
        store.fixDevices(rerunId, failed, batchSize, clock.instant());
        wake.run();
        return store.find(rerunId).orElse(rerun);
    }

    private void move(Job job, Set<JobStatus> from, JobStatus to) {
        if (!store.transition(job.id(), from, to, Optional.empty())) {
            throw DomainException.conflict("job '" + job.id() + "' is " + store.find(job.id())
                    .map(j -> j.status().wireName()).orElse("gone"));
        }
        wake.run();
    }

    private static void requireId(String id) {
        if (!Job.ID.matcher(id).matches()) {
            throw DomainException.badRequest("invalid job id '" + id + "': 1 to 255 letters, digits, '_' or '-'");
        }
    }

    private static Optional<Set<String>> organizations(AccessScope scope) {
        return scope.everywhere() ? Optional.empty() : Optional.of(scope.organizations());
    }
}
