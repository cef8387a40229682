package org.opencentral.server.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;
import org.opencentral.server.config.ConfigLoader;
import org.opencentral.server.config.ServerConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code opencentral} command; without a subcommand it prints its help. */
@Command(name = "opencentral", mixinStandardHelpOptions = true, versionProvider = OpenCentralCommand.Version.class,
        description = "OpenCentral: a self-hosted IoT application platform compatible with Azure IoT Central "
                + "(IoT Hub device protocol, DPS, IoT Central REST API).",
        commandListHeading = "%nCommands:%n",
        footer = {"", "Examples:", "  opencentral start", "  opencentral dtdl validate --repo ./models model.json",
                "  opencentral start --data-dir /srv/opencentral --public-host iot.example.com",
                "  opencentral backup --data-dir /srv/opencentral --to /backup/2026-12-06",
                "  opencentral restore --from /backup/2026-12-06 --data-dir /srv/opencentral-restored",
                "  OPENCENTRAL_HTTP_PORT=9090 opencentral config"})
public final class OpenCentralCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    private OpenCentralCommand() {
    }

    /**
     * The complete command line.
     *
     * @param loader      reads defaults, the environment and config files
     * @param application runs the server with a valid configuration and returns the exit code
     */
    public static CommandLine create(ConfigLoader loader, ToIntFunction<ServerConfig> application) {
        CommandLine top = new CommandLine(new OpenCentralCommand());
        CommandLine start = new CommandLine(new StartCommand(loader, application));
        ConfigOptions.addTo(start.getCommandSpec(), loader.defaults());
        CommandLine config = new CommandLine(new ConfigCommand(loader));
        ConfigOptions.addTo(config.getCommandSpec(), loader.defaults());
        top.addSubcommand("start", start);
        top.addSubcommand("config", config);
        top.addSubcommand("dtdl", new CommandLine(new DtdlCommand()));
        top.addSubcommand("backup", new CommandLine(new BackupCommand()));
        top.addSubcommand("restore", new CommandLine(new RestoreCommand()));
        top.addSubcommand("help", new CommandLine.HelpCommand());
        String envOnly = ConfigOptions.environmentOnlyHelp(loader.defaults());
        CommandSpec configOptions = CommandSpec.create();
        configOptions.usageMessage().sortOptions(false);
        ConfigOptions.addTo(configOptions, loader.defaults());
        addSection(top, "configOptions", help -> String.format("%nOptions of 'start' and 'config'; each is also an "
                + "OPENCENTRAL_* environment%nvariable and a key of the --config file:%n")
                + new CommandLine.Help(configOptions, help.colorScheme()).optionList() + envOnly);
        // after the top level: setHelpSectionKeys there propagates to every subcommand
        addSection(start, "environmentOnly", help -> envOnly);
        addSection(config, "environmentOnly", help -> envOnly);
        return top;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCode.OK;
    }

    /** Adds a help section just before the footer. */
    private static void addSection(CommandLine command, String name, CommandLine.IHelpSectionRenderer renderer) {
        command.getHelpSectionMap().put(name, renderer);
        List<String> keys = new ArrayList<>(command.getHelpSectionKeys());
        keys.add(keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), name);
        command.setHelpSectionKeys(keys);
    }

    /** The version from the jar manifest, or "development build" when run from classes. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = OpenCentralCommand.class.getPackage().getImplementationVersion();
            return new String[] {"opencentral " + (version == null ? "(development build)" : version)};
        }
    }
}
