package org.opencentral.platform.job;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.opencentral.core.DomainException;
import org.opencentral.core.job.DeviceJobStatus;
import org.opencentral.core.job.Job;
import org.opencentral.core.job.JobData;
import org.opencentral.core.job.JobDefinition;
import org.opencentral.core.job.JobDevice;
import org.opencentral.core.job.JobProgress;
import org.opencentral.core.job.JobStatus;
import org.opencentral.core.job.JobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job state machine, stepped by one scheduler. A step starts pending jobs while fewer than
 * {@link JobSettings#maxRunning()} run (fixing their devices from the group's members the first
 * time), and for each running job with nothing in flight either finishes it (no device pending),
 * cancels it (its threshold is reached), or hands its next devices (of its lowest unfinished batch)
 * to the executor. Each device's outcome is recorded as it happens; everything else is read back
 * from the store, so after a restart the engine continues where the store says, and a device with
 * an outcome is never run again.
 */
public final class JobEngine {
    private static final Logger LOG = LoggerFactory.getLogger(JobEngine.class);

    private final JobStore store;
    private final JobMembers members;
    private final JobSteps steps;
    private final JobSettings settings;
    private final Clock clock;
    private final Executor executor;
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Runnable wake;

    /**
     * {@code executor} runs devices' steps (virtual threads in production; the calling thread in
     * tests); {@code wake} asks the scheduler for another step when devices finished.
     */
    public JobEngine(JobStore store, JobMembers members, JobSteps steps, JobSettings settings, Clock clock,
            Executor executor, Runnable wake) {
        this.store = store;
        this.members = members;
        this.steps = steps;
        this.settings = settings;
        this.clock = clock;
        this.executor = executor;
        this.wake = wake;
    }

    /** One step of every job (see the class comment). */
    public void runOnce() {
        startPending();
        for (Job job : store.withStatus(Set.of(JobStatus.RUNNING))) {
            if (inFlight.getOrDefault(job.id(), new AtomicInteger()).get() == 0) {
                step(job);
            }
        }
    }

    private void startPending() {
        int running = store.withStatus(Set.of(JobStatus.RUNNING)).size();
        for (Job job : store.withStatus(Set.of(JobStatus.PENDING))) {
            if (running >= settings.maxRunning()) {
                return;
            }
            if (job.start().isEmpty() && !fixDevices(job)) {
                continue;
            }
            if (store.transition(job.id(), Set.of(JobStatus.PENDING), JobStatus.RUNNING, Optional.empty())) {
                running++;
            }
        }
    }

    /** Fixes the job's devices from its group's members now; a job whose group is gone fails. */
    private boolean fixDevices(Job job) {
        Optional<List<org.opencentral.core.device.DeviceId>> devices = members.of(job.definition().group());
        if (devices.isEmpty()) {
            store.transition(job.id(), Set.of(JobStatus.PENDING), JobStatus.FAILED, Optional.of(clock.instant()));
            return false;
        }
        int total = devices.get().size();
        int batchSize = job.definition().batch().map(b -> b.of(total)).orElse(Math.max(1, total));
        store.fixDevices(job.id(), devices.get(), batchSize, clock.instant());
        return true;
    }

    private void step(Job job) {
        JobProgress progress = job.progress();
        List<JobDevice> next = store.nextPending(job.id(), settings.devicesPerStep());
        if (thresholdReached(job, next.stream().findFirst().map(JobDevice::batch))) {
            store.transition(job.id(), Set.of(JobStatus.RUNNING), JobStatus.CANCELLED, Optional.of(clock.instant()));
            return;
        }
        if (next.isEmpty()) {
            JobStatus end = progress.total() > 0 && progress.failed() == progress.total() ? JobStatus.FAILED
                    : JobStatus.COMPLETE;
            store.transition(job.id(), Set.of(JobStatus.RUNNING), end, Optional.of(clock.instant()));
            return;
        }
        AtomicInteger count = inFlight.computeIfAbsent(job.id(), id -> new AtomicInteger());
        count.addAndGet(next.size());
        for (JobDevice device : next) {
            executor.execute(() -> {
                try {
                    run(job, device);
                } finally {
                    count.decrementAndGet();
                    wake.run();
                }
            });
        }
    }

    private void run(Job job, JobDevice device) {
        try {
            for (JobData data : job.definition().data()) {
                steps.apply(device.device(), data, job.createdBy());
            }
            store.record(job.id(), device.device(), DeviceJobStatus.COMPLETED, Optional.empty());
        } catch (DomainException e) {
            store.record(job.id(), device.device(), DeviceJobStatus.FAILED, Optional.of(e.getMessage()));
        } catch (RuntimeException e) {
            LOG.warn("job {}: device {} failed unexpectedly", job.id(), device.device(), e);
            store.record(job.id(), device.device(), DeviceJobStatus.FAILED, Optional.of("internal error"));
        }
    }

    /**
     * Whether the failures reached the job's cancellation threshold: over the whole job, or within
     * the current batch or the one before it (earlier batches were checked while they were current).
     */
    private boolean thresholdReached(Job job, Optional<Integer> currentBatch) {
        Optional<JobDefinition.CancellationThreshold> threshold = job.definition().cancellationThreshold();
        JobProgress progress = job.progress();
        if (threshold.isEmpty() || progress.failed() == 0) {
            return false;
        }
        if (!threshold.get().perBatch()) {
            return progress.failed() >= threshold.get().amount().of(progress.total());
        }
        int batchSize = job.definition().batch().map(b -> b.of(progress.total())).orElse(progress.total());
        int current = currentBatch.orElse((progress.total() - 1) / batchSize);
        int limit = threshold.get().amount().of(batchSize);
        return store.failedInBatch(job.id(), current) >= limit
                || (current > 0 && store.failedInBatch(job.id(), current - 1) >= limit);
    }
}
