package org.opencentral.sim.scenario;

import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;

/**
 * What every scenario gets besides its own settings.
 *
 * @param serverPid process to sample CPU and RSS of, if known
 * @param out       where progress lines and the final table go
 * @param settings  the run's parameters as given on the command line, recorded in the report
 */
public record RunContext(Optional<Long> serverPid, PrintStream out, Map<String, String> settings) {
    public RunContext {
        settings = Map.copyOf(settings);
    }
}
