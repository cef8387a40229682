package org.opencentral.sim.cli;

import org.opencentral.sim.metrics.Report;
import org.opencentral.sim.scenario.FleetSpec;
import org.opencentral.sim.scenario.RunContext;
import org.opencentral.sim.scenario.SoakScenario;
import picocli.CommandLine.Command;

@Command(name = "soak", mixinStandardHelpOptions = true,
        description = {"Connection soak: opens --devices idle connections (--connect-rate, --source-ips), holds them "
                + "for --duration seconds and reports server RSS/CPU (memory per connection)."})
final class SoakCommand extends ScenarioCommand {
    @Override
    Report run(FleetSpec fleet, RunContext context) throws Exception {
        return SoakScenario.run(fleet, run.duration(), context);
    }
}
