package org.opencentral.platform.job;

import java.time.Clock;
import java.util.concurrent.Executor;
import org.opencentral.core.job.JobStore;
import org.opencentral.platform.group.DeviceGroupService;

/** The job feature as the composition root wires it: the REST side and the engine that runs jobs. */
public record Jobs(JobService service, JobEngine engine) implements AutoCloseable {
    /** {@code executor} runs devices' steps; a new job or a stop wakes the engine. */
    public static Jobs create(JobStore store, DeviceGroupService groups, JobSteps.Services services,
            JobSettings settings, Clock clock, Executor executor) {
        JobEngine engine = new JobEngine(store, new GroupMembers(groups), new JobSteps(services, settings), settings,
                clock, executor);
        JobService service = new JobService(store, groups, id -> services.templates().find(id).isPresent(),
                engine::wake, clock);
        return new Jobs(service, engine);
    }

    @Override
    public void close() {
        engine.close();
    }
}
