package org.opencentral.sim.cli;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.opencentral.sim.iothub.SimulatedDevices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "simulated", mixinStandardHelpOptions = true,
        description = {"Creates N devices that OpenCentral simulates itself (simulated: true, from a bench template "
                + "with 8 numeric telemetry values), through the REST API, and exits. Existing ones are kept. "
                + "Run a scenario afterwards to measure real devices beside them."})
final class SimulatedCommand implements Callable<Integer> {
    @Option(names = {"-n", "--devices"}, defaultValue = "10000", description = "Number of simulated devices. "
            + "Default: ${DEFAULT-VALUE}.")
    int devices;

    @Option(names = "--id-prefix", defaultValue = "simulated", description = "Device ids are PREFIX-000000… "
            + "Default: ${DEFAULT-VALUE}.")
    String idPrefix;

    @Mixin
    ApiOptions api;

    @Option(names = "--create-concurrency", defaultValue = "8", description = "Parallel REST calls. "
            + "Default: ${DEFAULT-VALUE}.")
    int createConcurrency;

    @Override
    public Integer call() throws Exception {
        if (devices < 1) {
            throw new IllegalArgumentException("--devices must be positive");
        }
        List<String> ids = IntStream.range(0, devices).mapToObj(i -> String.format("%s-%06d", idPrefix, i)).toList();
        new SimulatedDevices(api.deviceApi(), createConcurrency, System.out).create(ids);
        return 0;
    }
}
