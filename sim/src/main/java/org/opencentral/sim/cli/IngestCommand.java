package org.opencentral.sim.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.opencentral.sim.metrics.Report;
import org.opencentral.sim.scenario.FleetSpec;
import org.opencentral.sim.scenario.IngestScenario;
import org.opencentral.sim.scenario.IngestSettings;
import org.opencentral.sim.scenario.RunContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Telemetry ingest: every device publishes JSON messages; measures messages/s and "
                + "publish→PUBACK latency (AMQP: transfer→settlement).",
                "Without --rate each connection keeps --window QoS 1 messages in flight (as fast as acknowledged).",
                "--rate-per-device is the open loop: each device sends on its own fixed schedule (starts staggered "
                        + "over one interval) and latency is timed from the scheduled send, so a late send counts."})
final class IngestCommand extends ScenarioCommand {
    @Option(names = "--qos", defaultValue = "1", description = "0 or 1 (AMQP: 1, unsettled transfers). Default: ${DEFAULT-VALUE}.")
    int qos;

    @Option(names = "--size", defaultValue = "256", description = "Message body bytes. Default: ${DEFAULT-VALUE}.")
    int size;

    @Option(names = "--fields", defaultValue = "8", description = "Numeric JSON fields per message. Default: ${DEFAULT-VALUE}.")
    int fields;

    @Option(names = "--window", defaultValue = "10", description = "Messages in flight per connection. Default: ${DEFAULT-VALUE}.")
    int window;

    @Option(names = "--rate", defaultValue = "0", description = "Target messages/s over all devices; 0 = as fast as "
            + "acknowledged. Default: ${DEFAULT-VALUE}.")
    double rate;

    @Option(names = "--rate-per-device", defaultValue = "0", description = "Open loop: messages/s each device sends on "
            + "its own schedule, latency from the scheduled send; at most --window in flight, later messages wait "
            + "(their wait counts). 0 = off. Default: ${DEFAULT-VALUE}.")
    double ratePerDevice;

    @Option(names = "--count", defaultValue = "0", description = "Messages per device, then stop (the measured "
            + "window ends early); 0 = until --duration ends. Default: ${DEFAULT-VALUE}.")
    int count;

    @Option(names = "--sequence-file", description = "Number each device's messages (a \"seq\" member first in the "
            + "body: 1, 2, 3, … per device; QoS 1 only) and write to FILE, after the run, one line per device: id, "
            + "sent, acknowledged, and the numbers sent but not acknowledged (comma-separated, - for none), "
            + "tab-separated. Without it the body is unchanged.", paramLabel = "FILE")
    Path sequenceFile;

    @Override
    Report run(FleetSpec fleet, RunContext context) throws Exception {
        return IngestScenario.run(fleet, new IngestSettings(qos, size, fields, window, rate, ratePerDevice, count,
                run.warmup(), run.duration(), Optional.ofNullable(sequenceFile)), context);
    }
}
