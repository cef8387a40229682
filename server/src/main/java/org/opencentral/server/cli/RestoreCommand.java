package org.opencentral.server.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.opencentral.server.backup.DataDirectoryRestore;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code opencentral restore --from DIR}: a backup, checked against its manifest, into an empty data directory. */
@Command(name = "restore", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Restore a backup written by 'opencentral backup' into a new or empty data directory "
                + "(a non-empty one is refused). Every file is checked against the manifest first; then start "
                + "the server on the directory."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:restored", "1:refused (damaged backup, non-empty directory, newer version) or failed"})
final class RestoreCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "DIR", description = "The backup directory.")
    private Path from;

    @Mixin
    private DataDirOption dataDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            DataDirectoryRestore.restore(from.toAbsolutePath().normalize(), dataDir.path(),
                    line -> {
                        out.println(line);
                        out.flush();
                    });
            return ExitCode.OK;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("opencentral restore: " + e.getMessage());
            err.flush();
            return ExitCode.SOFTWARE;
        }
    }
}
