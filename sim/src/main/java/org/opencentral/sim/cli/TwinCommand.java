package org.opencentral.sim.cli;

import org.opencentral.sim.metrics.Report;
import org.opencentral.sim.scenario.FleetSpec;
import org.opencentral.sim.scenario.RunContext;
import org.opencentral.sim.scenario.TwinScenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "twin", mixinStandardHelpOptions = true,
        description = {"Twin updates (iothub mode): devices send reported-property patches and measure "
                + "PATCH→204 latency."})
final class TwinCommand extends ScenarioCommand {
    @Option(names = "--window", defaultValue = "1", description = "Patches awaiting their 204 per device. Default: ${DEFAULT-VALUE}.")
    int window;

    @Override
    Report run(FleetSpec fleet, RunContext context) throws Exception {
        return TwinScenario.run(fleet, window, run.warmup(), run.duration(), context);
    }
}
