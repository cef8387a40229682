package org.opencentral.platform.job;

/**
 * How the job engine runs: at most {@code maxRunning} jobs at once (more wait in pending; IoT
 * Central allows 5), up to {@code devicesPerStep} devices of a job in flight at a time, and the
 * timeouts of a command job's calls in seconds (a connection timeout of 0: a device that is offline
 * when its command runs fails at once with "device offline").
 */
public record JobSettings(int maxRunning, int devicesPerStep, int commandConnectionTimeout,
        int commandResponseTimeout) {
    public static final JobSettings DEFAULTS = new JobSettings(5, 100, 0, 30);

    public JobSettings {
        if (maxRunning < 1 || devicesPerStep < 1) {
            throw new IllegalArgumentException("maxRunning and devicesPerStep must be positive");
        }
        if (commandConnectionTimeout < 0 || commandResponseTimeout < 1) {
            throw new IllegalArgumentException("command timeouts: connection >= 0 s, response >= 1 s");
        }
    }
}
