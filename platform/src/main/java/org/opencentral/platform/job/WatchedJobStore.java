package org.opencentral.platform.job;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.job.DeviceJobStatus;
import org.opencentral.core.job.Job;
import org.opencentral.core.job.JobDevice;
import org.opencentral.core.job.JobStatus;
import org.opencentral.core.job.JobStore;
import org.opencentral.core.store.Page;

/** A job store that reports each change it made ({@link JobChanges}) once the store holds it. */
final class WatchedJobStore implements JobStore {
    private final JobStore store;
    private final JobChanges changes;

    WatchedJobStore(JobStore store, JobChanges changes) {
        this.store = store;
        this.changes = changes;
    }

    @Override
    public Job insert(Job job) {
        Job inserted = store.insert(job);
        changes.changed(inserted.id());
        return inserted;
    }

    @Override
    public Optional<Job> find(String id) {
        return store.find(id);
    }

    @Override
    public Page<Job> list(Optional<Set<String>> organizations, Optional<String> scheduledJob, Optional<String> after,
            int limit) {
        return store.list(organizations, scheduledJob, after, limit);
    }

    @Override
    public List<Job> withStatus(Set<JobStatus> statuses) {
        return store.withStatus(statuses);
    }

    @Override
    public boolean fixDevices(String id, List<DeviceId> devices, int batchSize, Instant at) {
        return reported(id, store.fixDevices(id, devices, batchSize, at));
    }

    @Override
    public boolean transition(String id, Set<JobStatus> from, JobStatus to, Optional<Instant> end) {
        return reported(id, store.transition(id, from, to, end));
    }

    @Override
    public Page<JobDevice> devices(String id, Optional<DeviceJobStatus> status, Optional<String> after, int limit) {
        return store.devices(id, status, after, limit);
    }

    @Override
    public List<JobDevice> nextPending(String id, int limit) {
        return store.nextPending(id, limit);
    }

    @Override
    public boolean record(String id, DeviceId device, DeviceJobStatus outcome, Optional<String> reason) {
        return reported(id, store.record(id, device, outcome, reason));
    }

    @Override
    public int failedInBatch(String id, int batch) {
        return store.failedInBatch(id, batch);
    }

    private boolean reported(String id, boolean changed) {
        if (changed) {
            changes.changed(id);
        }
        return changed;
    }
}
