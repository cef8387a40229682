package org.opencentral.sim.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.opencentral.sim.metrics.PortOwner;
import picocli.CommandLine.Option;

/** How long a run lasts, which server process to sample and where the results go. */
public final class RunOptions {
    @Option(names = "--warmup", defaultValue = "5", description = "Seconds of load before measuring. Default: ${DEFAULT-VALUE}.")
    int warmupSeconds;

    @Option(names = {"-d", "--duration"}, defaultValue = "30", description = "Measured seconds. Default: ${DEFAULT-VALUE}.")
    int durationSeconds;

    @Option(names = "--server-pid", paramLabel = "PID|auto", description = "Server process to sample CPU%% and RSS "
            + "of from /proc; 'auto' finds the process listening on --port.")
    String serverPid;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the results as JSON to FILE.")
    Path out;

    Duration warmup() {
        return Duration.ofSeconds(warmupSeconds);
    }

    Duration duration() {
        return Duration.ofSeconds(durationSeconds);
    }

    Optional<Long> serverPid(int port) {
        if (serverPid == null) {
            return Optional.empty();
        }
        if (serverPid.equals("auto")) {
            Optional<Long> found = PortOwner.find(port);
            if (found.isEmpty()) {
                System.err.println("warning: no process found listening on port " + port + "; not sampling the server");
            }
            return found;
        }
        return Optional.of(Long.parseLong(serverPid));
    }
}
