package org.opencentral.server.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.opencentral.dtdl.cli.ValidateCommandLogic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code opencentral dtdl …}: tools for DTDL models, the same code path as the server. */
@Command(name = "dtdl", mixinStandardHelpOptions = true, description = "Tools for DTDL device models.",
        subcommands = DtdlCommand.Validate.class)
final class DtdlCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        new picocli.CommandLine(this).usage(System.out);
        return 0;
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Validates DTDL v2/v3 models (files, or folders of *.json) with the same parser the "
                    + "server uses, each file as its own model; what it references is resolved from the other files "
                    + "given, then from --repo. Prints one line per error (file: pointer: code: message) and a "
                    + "summary (N files, M valid, K invalid).",
                    "Exit code: 0 when every model is valid, 1 when any is invalid, 2 on a usage error."},
            footer = {"", "Example:", "  opencentral dtdl validate --repo ./models ./models/dtmi/com/example"})
    static final class Validate implements Callable<Integer> {
        @Option(names = "--repo", paramLabel = "DIR",
                description = "A folder laid out like the public model repository (dtmi/com/example/"
                        + "thermostat-1.json) to resolve references from.")
        private Path repo;

        @Parameters(paramLabel = "PATH", arity = "1..*", description = "Model files or folders.")
        private List<Path> paths;

        @Override
        public Integer call() {
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
            return ValidateCommandLogic.run(paths, Optional.ofNullable(repo), out, err);
        }
    }
}
