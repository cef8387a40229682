package org.opencentral.core.job;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A job: its definition, who created it and when, its status, when it started (its devices were
 * fixed then) and ended, and its progress. {@code scheduledJobId} names the scheduled job whose
 * occurrence created it.
 */
public record Job(String id, Optional<String> scheduledJobId, JobDefinition definition, JobStatus status,
        Optional<Instant> start, Optional<Instant> end, JobProgress progress, String createdBy, Instant created) {
    /** Job ids: letters, digits, '_' and '-' (IoT Central's ids are GUIDs or such names). */
    public static final Pattern ID = Pattern.compile("[a-zA-Z0-9_-]{1,255}");

    public Job {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("invalid job id '" + id + "'");
        }
        Objects.requireNonNull(scheduledJobId, "scheduledJobId");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(created, "created");
    }

    /** A new job, pending, with no devices yet. */
    public static Job pending(String id, Optional<String> scheduledJobId, JobDefinition definition, String createdBy,
            Instant created) {
        return new Job(id, scheduledJobId, definition, JobStatus.PENDING, Optional.empty(), Optional.empty(),
                JobProgress.NONE, createdBy, created);
    }
}
