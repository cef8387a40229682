package org.opencentral.core.job;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A job definition run on a schedule: each occurrence creates a job listed under this scheduled
 * job. {@code occurrences} counts the occurrences handled so far (run, or skipped as missed).
 */
public record ScheduledJob(String id, JobDefinition definition, JobSchedule schedule, boolean enabled, String etag,
        int occurrences, String createdBy, Instant created) {
    public ScheduledJob {
        Objects.requireNonNull(id, "id");
        if (!Job.ID.matcher(id).matches() || id.length() > 200) {
            throw new IllegalArgumentException("invalid scheduled job id '" + id + "'");
        }
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(created, "created");
        if (occurrences < 0) {
            throw new IllegalArgumentException("occurrences must not be negative");
        }
    }

    /** Whether no occurrence is left to run. */
    public boolean completed() {
        return schedule.occurrence(occurrences).isEmpty();
    }

    /**
     * When the next occurrence runs: the first one not yet handled (at the scheduler's next step if
     * it is due already); empty when the job is disabled or completed.
     */
    public Optional<Instant> nextRun() {
        return enabled ? schedule.occurrence(occurrences) : Optional.empty();
    }

    /** The id of the job occurrence {@code n} creates. */
    public String jobId(int n) {
        return id + "-" + (n + 1);
    }

    public ScheduledJob withEtag(String newEtag) {
        return new ScheduledJob(id, definition, schedule, enabled, newEtag, occurrences, createdBy, created);
    }
}
