package org.opencentral.server.runtime;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.opencentral.core.store.StateStore;
import org.opencentral.platform.group.DeviceGroupService;
import org.opencentral.platform.group.GroupFilters;
import org.opencentral.platform.job.JobSettings;
import org.opencentral.platform.job.JobSteps;
import org.opencentral.platform.job.Jobs;
import org.opencentral.platform.query.service.TemplateCatalog;
import org.opencentral.server.config.ServerConfig;

/**
 * Managing devices as a fleet: device groups, and the jobs that change every device of a group
 * (their engine steps in the background; devices' steps run on virtual threads).
 */
record Fleet(DeviceGroupService groups, Jobs jobs, ExecutorService deviceSteps) implements AutoCloseable {
    static Fleet create(ServerConfig config, StateStore state, Services services, Templates templates, Clock clock) {
        DeviceGroupService groups = new DeviceGroupService(state.deviceGroups(), services.security().organizations(),
                new GroupFilters(Listeners.querySettings(config.query()).limits(), new TemplateCatalog(templates.service())));
        ExecutorService deviceSteps = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("job-", 0).factory());
        Jobs jobs = new Jobs(new Jobs.Stores(state.jobs(), state.scheduledJobs(), groups, services.security().audit()),
                new JobSteps.Services(services.devices(), services.twins(), templates.api().cloudProperties(),
                        services.commands(), templates.service()), settings(config), clock, deviceSteps);
        return new Fleet(groups, jobs, deviceSteps);
    }

    /** The engine's settings: the configured number of running jobs over the other defaults. */
    static JobSettings settings(ServerConfig config) {
        JobSettings defaults = JobSettings.DEFAULTS;
        return new JobSettings(config.limits().maxRunningJobs(), defaults.devicesPerStep(),
                defaults.commandResponseTimeout());
    }

    Fleet start() {
        jobs.start();
        return this;
    }

    @Override
    public void close() {
        jobs.close();
        deviceSteps.shutdownNow();
    }
}
