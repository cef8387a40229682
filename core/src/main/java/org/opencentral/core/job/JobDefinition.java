package org.opencentral.core.job;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a job does, as its creator gave it: the group, the data items (at least one), the batching
 * and the cancellation threshold; {@code organizations} holds at most one organization id.
 */
public record JobDefinition(String displayName, Optional<String> description, String group,
        Optional<JobAmount> batch, Optional<CancellationThreshold> cancellationThreshold, List<JobData> data,
        List<String> organizations) {
    /** When a job stops itself: failures over the whole job, or within one batch. */
    public record CancellationThreshold(JobAmount amount, boolean perBatch) {
        public CancellationThreshold {
            Objects.requireNonNull(amount, "amount");
        }
    }

    public JobDefinition {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(cancellationThreshold, "cancellationThreshold");
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException("group must not be blank");
        }
        data = List.copyOf(data);
        if (data.isEmpty()) {
            throw new IllegalArgumentException("a job has at least one data item");
        }
        organizations = List.copyOf(organizations);
        if (organizations.size() > 1) {
            throw new IllegalArgumentException("a job belongs to at most one organization");
        }
    }

    public Optional<String> organization() {
        return organizations.stream().findFirst();
    }
}
