package org.opencentral.platform.job;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.job.Job;
import org.opencentral.core.job.JobDefinition;
import org.opencentral.core.job.JobSchedule;
import org.opencentral.core.job.ScheduledJob;
import org.opencentral.core.job.ScheduledJobStore;
import org.opencentral.core.store.Page;
import org.opencentral.platform.organization.AccessScope;

/**
 * Scheduled jobs for the REST API: created or replaced with PUT, changed, deleted, read within the
 * caller's organizations, and the jobs their occurrences created. Definitions are checked as
 * {@link JobService#checked} checks a job's.
 */
public final class ScheduledJobService {
    private final ScheduledJobStore store;
    private final JobService jobs;
    private final Runnable wake;
    private final Clock clock;

    public ScheduledJobService(ScheduledJobStore store, JobService jobs, Runnable wake, Clock clock) {
        this.store = store;
        this.jobs = jobs;
        this.wake = wake;
        this.clock = clock;
    }

    /** What a PUT or PATCH sets. */
    public record Changes(JobDefinition definition, JobSchedule schedule, boolean enabled) {
    }

    public Page<ScheduledJob> list(AccessScope scope, Optional<String> after, int limit) {
        return store.list(scope.everywhere() ? Optional.empty() : Optional.of(scope.organizations()), after, limit);
    }

    /** The scheduled job; NOT_FOUND when it does not exist or lies outside {@code scope}. */
    public ScheduledJob get(String id, AccessScope scope) {
        return store.find(id).filter(s -> scope.covers(s.definition().organization()))
                .orElseThrow(() -> DomainException.notFound("scheduled job '" + id + "'"));
    }

    /** Creates a scheduled job, or replaces one (keeping its occurrence count) when {@code precondition} allows. */
    public ScheduledJob put(String id, Changes changes, Optional<String> precondition, String actor,
            AccessScope jobScope, AccessScope groupScope) {
        if (!Job.ID.matcher(id).matches() || id.length() > 200) {
            throw DomainException.badRequest("invalid scheduled job id '" + id + "': 1 to 200 letters, digits, '_' or '-'");
        }
        JobDefinition definition = jobs.checked(changes.definition(), jobScope, groupScope);
        Optional<ScheduledJob> existing = store.find(id);
        ScheduledJob saved;
        if (existing.isEmpty()) {
            if (precondition.filter(p -> !p.equals("*")).isPresent()) {
                throw new DomainException(ErrorCode.PRECONDITION_FAILED,
                        "scheduled job '" + id + "' does not exist, so no etag can match");
            }
            saved = store.insert(new ScheduledJob(id, definition, changes.schedule(), changes.enabled(), "", 0, actor,
                    clock.instant()));
        } else {
            ScheduledJob current = get(id, jobScope);
            saved = store.update(new ScheduledJob(id, definition, changes.schedule(), changes.enabled(), "",
                    current.occurrences(), current.createdBy(), current.created()),
                    precondition.filter(p -> !p.equals("*")).orElse(current.etag()));
        }
        wake.run();
        return saved;
    }

    public void delete(String id, AccessScope scope) {
        get(id, scope);
        store.delete(id);
    }

    /** The jobs the scheduled job's occurrences created, by id. */
    public Page<Job> jobs(String id, AccessScope scope, Optional<String> after, int limit) {
        get(id, scope);
        return jobs.list(new AccessScope(true, Set.of()), Optional.of(id), after, limit);
    }
}
