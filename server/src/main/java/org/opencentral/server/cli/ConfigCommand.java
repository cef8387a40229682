package org.opencentral.server.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.opencentral.server.config.ConfigLoader;
import org.opencentral.server.config.ConfigPrinter;
import org.opencentral.server.config.LoadedConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code opencentral config}: print the effective configuration with each key's documentation. */
@Command(name = "config", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print the effective configuration (defaults, --config file, OPENCENTRAL_* environment "
                + "and the flags given here) with each key's documentation and origin; secrets are masked.",
                "The output is a valid --config file."})
final class ConfigCommand implements Callable<Integer> {
    private final ConfigLoader loader;

    @Spec
    private CommandSpec spec;

    ConfigCommand(ConfigLoader loader) {
        this.loader = loader;
    }

    @Override
    public Integer call() {
        Optional<LoadedConfig> loaded = ConfigOptions.load(spec, loader);
        if (loaded.isEmpty()) {
            return ExitCode.USAGE;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(ConfigPrinter.render(loaded.get()));
        out.flush();
        return ExitCode.OK;
    }
}
