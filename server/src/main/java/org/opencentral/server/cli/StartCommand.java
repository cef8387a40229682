package org.opencentral.server.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;
import org.opencentral.server.config.ConfigLoader;
import org.opencentral.server.config.ConfigPrinter;
import org.opencentral.server.config.LoadedConfig;
import org.opencentral.server.config.ServerConfig;
import org.opencentral.server.logging.LogSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code opencentral start}: load and validate the configuration, then run the server. */
@Command(name = "start", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Start the server: HTTP (REST API, UI, /metrics, /healthz) and the device endpoints "
                + "(MQTT and AMQP over TLS, both also over WebSockets, DPS and the device API over HTTPS, plain MQTT "
                + "on loopback), with embedded storage in the data directory (or PostgreSQL: --database-url).",
                "Every option can also be set as an OPENCENTRAL_* environment variable or in a --config file; "
                        + "flags win over the environment, which wins over the file."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped normally", "1:failed while running", "2:invalid flags or configuration"})
final class StartCommand implements Callable<Integer> {
    private final ConfigLoader loader;
    private final ToIntFunction<ServerConfig> application;

    @Spec
    private CommandSpec spec;

    @Option(names = "--print-config", description = "Print the effective configuration and exit without starting.")
    private boolean printConfig;

    StartCommand(ConfigLoader loader, ToIntFunction<ServerConfig> application) {
        this.loader = loader;
        this.application = application;
    }

    @Override
    public Integer call() {
        Optional<LoadedConfig> loaded = ConfigOptions.load(spec, loader);
        if (loaded.isEmpty()) {
            return ExitCode.USAGE;
        }
        if (printConfig) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(ConfigPrinter.render(loaded.get()));
            out.flush();
            return ExitCode.OK;
        }
        LogSetup.apply(loaded.get().config().log());
        return application.applyAsInt(loaded.get().config());
    }
}
