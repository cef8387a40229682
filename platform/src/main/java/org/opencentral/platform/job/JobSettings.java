package org.opencentral.platform.job;

/**
 * How the job engine runs: at most {@code maxRunning} jobs at once (more wait in pending; IoT
 * Central allows 5), up to {@code devicesPerStep} devices of a job in flight at a time, and how
 * long a command job waits for a device's answer, in seconds (how long it waits for an offline
 * device to connect is the job's own).
 */
public record JobSettings(int maxRunning, int devicesPerStep, int commandResponseTimeout) {
    public static final int DEFAULT_MAX_RUNNING = 5;
    public static final JobSettings DEFAULTS = new JobSettings(DEFAULT_MAX_RUNNING, 100, 30);

    public JobSettings {
        if (maxRunning < 1 || devicesPerStep < 1 || commandResponseTimeout < 1) {
            throw new IllegalArgumentException("maxRunning, devicesPerStep and commandResponseTimeout must be positive");
        }
    }
}
