package org.opencentral.sim.cli;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.opencentral.sim.webhook.WebhookReceiver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "webhook-receiver", mixinStandardHelpOptions = true,
        description = {"A data export's webhook receiver (bench/export-outage): answers every POST of an exported "
                + "message (a JSON object) or batch (a JSON array) with 200 after appending one line per message to "
                + "--out: device id, telemetry.seq (-1 without one), arrival epoch ms, tab-separated. Runs until "
                + "stopped; prints the count every 10 s."})
final class WebhookReceiverCommand implements Callable<Integer> {
    @Option(names = "--port", required = true, description = "The port to listen on.")
    int port;

    @Option(names = "--bind-address", defaultValue = "127.0.0.1", description = "Default: ${DEFAULT-VALUE}.")
    String bindAddress;

    @Option(names = "--out", required = true, description = "The file the lines are appended to.", paramLabel = "FILE")
    Path out;

    @Override
    public Integer call() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start(new InetSocketAddress(bindAddress, port), out)) {
            System.out.println("webhook-receiver: listening on " + bindAddress + ":" + receiver.port());
            while (true) {
                Thread.sleep(10_000);
                System.out.println("webhook-receiver: " + receiver.messages() + " messages, " + receiver.refused()
                        + " bodies refused");
            }
        }
    }
}
