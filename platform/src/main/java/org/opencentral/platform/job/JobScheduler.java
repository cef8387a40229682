package org.opencentral.platform.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.core.Json;
import org.opencentral.core.job.Job;
import org.opencentral.core.job.ScheduledJob;
import org.opencentral.core.job.ScheduledJobStore;
import org.opencentral.platform.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the jobs of scheduled jobs' occurrences, stepped with the job engine. A step creates at
 * most one job per scheduled job: the latest occurrence that is due. Occurrences missed while the
 * server was down therefore run once at the next start, not once each, and the audit entry of the
 * occurrence says how many were missed. The job and the new occurrence count are stored in one
 * transaction, so an occurrence never runs twice.
 */
public final class JobScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(JobScheduler.class);

    private final ScheduledJobStore store;
    private final AuditLog audit;
    private final Clock clock;

    public JobScheduler(ScheduledJobStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates the due occurrences' jobs; true if it created any. */
    public boolean runOnce() {
        boolean created = false;
        for (ScheduledJob scheduled : store.enabled()) {
            Optional<Integer> due = scheduled.schedule().lastDue(scheduled.occurrences(), clock.instant());
            if (due.isPresent()) {
                created |= occur(scheduled, due.get());
            }
        }
        return created;
    }

    private boolean occur(ScheduledJob scheduled, int occurrence) {
        Job job = Job.pending(scheduled.jobId(occurrence), Optional.of(scheduled.id()), scheduled.definition(),
                scheduled.createdBy(), clock.instant());
        try {
            if (!store.occur(scheduled.id(), scheduled.occurrences(), occurrence + 1, job)) {
                return false;
            }
        } catch (DomainException e) {
            LOG.warn("scheduled job {}: occurrence {} cannot create job {}: {}", scheduled.id(), occurrence + 1,
                    job.id(), e.getMessage());
            return false;
        }
        int missed = occurrence - scheduled.occurrences();
        ObjectNode after = Json.object().put("job", job.id()).put("occurrence", occurrence + 1).put("missed", missed);
        audit.record(scheduled.createdBy(), missed > 0 ? "RUN scheduled job (missed occurrences run once)"
                : "RUN scheduled job", "/api/scheduledJobs/" + scheduled.id(), Json.object(), after);
        return true;
    }
}
