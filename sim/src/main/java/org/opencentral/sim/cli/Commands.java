package org.opencentral.sim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top command: only sub-commands, one per scenario. */
@Command(name = "bench/sim", mixinStandardHelpOptions = true, version = "opencentral-sim 0.1.0",
        subcommands = {IngestCommand.class, SoakCommand.class, CommandRoundTripCommand.class, TwinCommand.class,
                SimulatedCommand.class, WebhookReceiverCommand.class},
        description = {"OpenCentral load generator: real MQTT 3.1.1 (or, with --protocol amqp, AMQP 1.0) connections (TLS or plain) speaking the IoT Hub "
                + "protocol to OpenCentral (--mode iothub) or plain topics to any broker (--mode generic).",
                "Prints a progress line every second, a final table, and JSON with --out."},
        footer = {"", "Examples:",
                "  bench/sim ingest -n 1000 --ca data/tls/ca.pem \\",
                "      --token-file data/initial-admin-token --server-pid auto",
                "  bench/sim ingest --mode generic --no-tls --port 1883 -n 1000",
                "  bench/sim soak -n 20000 --source-ips 4 --connect-rate 2000 --ca … --token-file …",
                "  bench/sim command -n 10 --concurrency 4 --ca … --token-file …",
                "  bench/sim simulated -n 10000 --token-file …   devices the server simulates",
                "  bench/sim webhook-receiver --port 8099 --out /tmp/received.tsv   an export's receiver",
                "  bench/run                       the standard set, results into BENCHMARKS.md"})
public final class Commands implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static CommandLine commandLine() {
        return new CommandLine(new Commands()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
