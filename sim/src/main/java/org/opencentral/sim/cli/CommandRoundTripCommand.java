package org.opencentral.sim.cli;

import org.opencentral.sim.metrics.Report;
import org.opencentral.sim.scenario.CommandScenario;
import org.opencentral.sim.scenario.FleetSpec;
import org.opencentral.sim.scenario.RunContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "command", mixinStandardHelpOptions = true,
        description = {"Command round trip (iothub mode): devices answer direct methods with 200; REST calls "
                + "POST /api/devices/{id}/commands/{name} and measures the whole round trip."})
final class CommandRoundTripCommand extends ScenarioCommand {
    @Option(names = "--command", defaultValue = "ping", description = "Command name. Default: ${DEFAULT-VALUE}.")
    String command;

    @Option(names = "--concurrency", defaultValue = "4", description = "REST calls in flight. Default: ${DEFAULT-VALUE}.")
    int concurrency;

    @Override
    Report run(FleetSpec fleet, RunContext context) throws Exception {
        return CommandScenario.run(fleet, target.deviceApi(), command, concurrency, run.warmup(), run.duration(), context);
    }
}
