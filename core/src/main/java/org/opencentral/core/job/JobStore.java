package org.opencentral.core.job;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.Page;

/**
 * Jobs and their devices. A job's devices are fixed once, when it starts; each device's outcome is
 * recorded at most once, together with the job's progress, in one transaction.
 */
public interface JobStore {
    /** Stores a new job as given; CONFLICT if the id exists. */
    Job insert(Job job);

    Optional<Job> find(String id);

    /**
     * One page of jobs by id after {@code after}; with {@code organizations} only jobs of those
     * organizations, with {@code scheduledJob} only the occurrences of that scheduled job.
     */
    Page<Job> list(Optional<Set<String>> organizations, Optional<String> scheduledJob, Optional<String> after,
            int limit);

    /** The jobs in one of {@code statuses}, oldest first. */
    List<Job> withStatus(Set<JobStatus> statuses);

    /**
     * Fixes a pending job's devices (in batches of {@code batchSize}, in the order given) with its
     * start time and total, leaving its status; false (and nothing changed) if it is not pending or
     * its devices were fixed before.
     */
    boolean fixDevices(String id, List<DeviceId> devices, int batchSize, Instant at);

    /** Moves a job from one of {@code from} to {@code to}, with its end time if given; false if it was in none. */
    boolean transition(String id, Set<JobStatus> from, JobStatus to, Optional<Instant> end);

    /** One page of a job's devices by device id, optionally only those with {@code status}. */
    Page<JobDevice> devices(String id, Optional<DeviceJobStatus> status, Optional<String> after, int limit);

    /** Up to {@code limit} pending devices of the lowest batch that has any, by device id. */
    List<JobDevice> nextPending(String id, int limit);

    /**
     * Records a pending device's outcome and the job's progress in one transaction; false (and
     * nothing changed) if the device has an outcome already or is not in the job.
     */
    boolean record(String id, DeviceId device, DeviceJobStatus outcome, Optional<String> reason);

    /** How many devices of one batch failed. */
    int failedInBatch(String id, int batch);
}
