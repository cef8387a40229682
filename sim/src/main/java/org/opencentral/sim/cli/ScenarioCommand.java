package org.opencentral.sim.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.opencentral.sim.iothub.SimDevice;
import org.opencentral.sim.metrics.Report;
import org.opencentral.sim.metrics.ReportJson;
import org.opencentral.sim.metrics.ReportTable;
import org.opencentral.sim.scenario.FleetSpec;
import org.opencentral.sim.scenario.RunContext;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/** What every scenario command does around its scenario: devices, fleet, context, table and JSON. */
abstract class ScenarioCommand implements Callable<Integer> {
    @Mixin
    TargetOptions target;

    @Mixin
    RunOptions run;

    @Spec
    CommandSpec spec;

    /** Runs the scenario over the fleet. */
    abstract Report run(FleetSpec fleet, RunContext context) throws Exception;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        List<SimDevice> devices = target.devices(out);
        FleetSpec fleet = target.fleet(devices);
        RunContext context = new RunContext(run.serverPid(target.port()), out, settings());
        Report report = run(fleet, context);
        out.println();
        out.print(ReportTable.format(report));
        if (run.out != null) {
            ReportJson.write(report, run.out);
            out.println("results written to " + run.out);
        }
        return report.connections().established() == 0 ? 2 : 0;
    }

    /** The options given on the command line (secrets left out), for the report. */
    private Map<String, String> settings() {
        Map<String, String> settings = new TreeMap<>();
        for (OptionSpec option : spec.options()) {
            if (option.longestName().equals("--password") || option.usageHelp() || option.versionHelp()) {
                continue;
            }
            Object value = option.getValue();
            if (value != null) {
                settings.put(option.longestName().replaceFirst("^--", ""), String.valueOf(value));
            }
        }
        return settings;
    }
}
