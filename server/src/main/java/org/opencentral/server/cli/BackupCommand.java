package org.opencentral.server.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.opencentral.server.backup.ControlChannel;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code opencentral backup --to DIR}: asks the running server, over its control socket, for a consistent backup. */
@Command(name = "backup", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Back up the running server's embedded data directory: the state store, the telemetry "
                + "store and the event log as consistent copies, secret.key, the application identity and the "
                + "TLS material, with a manifest (versions, event log position, SHA-256 of every file).",
                "Asks the server through <data-dir>/control.sock (only the user the server runs as can open it); "
                        + "devices and users are served throughout. A stopped server's data directory can simply "
                        + "be copied. PostgreSQL storage is backed up with PostgreSQL's own tools."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:backup complete", "1:no server running, or the backup failed"})
final class BackupCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--to", required = true, paramLabel = "DIR",
            description = "Directory to write the backup into (created; must be new or empty).")
    private Path to;

    @Mixin
    private DataDirOption dataDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path socket = dataDir.path().resolve(ControlChannel.SOCKET);
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            PrintWriter request = new PrintWriter(Channels.newOutputStream(channel), true, StandardCharsets.UTF_8);
            request.println("backup " + to.toAbsolutePath().normalize());
            BufferedReader answers = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel),
                    StandardCharsets.UTF_8));
            return follow(answers, out, err);
        } catch (IOException e) {
            err.println("opencentral backup: no OpenCentral server is running on " + dataDir.path()
                    + " (cannot open " + socket + ": " + e.getMessage() + "); a stopped server's data directory "
                    + "can be copied as it is");
            err.flush();
            return ExitCode.SOFTWARE;
        }
    }

    /** Prints the server's progress lines until its last answer; the exit code of that answer. */
    private static int follow(BufferedReader answers, PrintWriter out, PrintWriter err) throws IOException {
        for (String line = answers.readLine(); line != null; line = answers.readLine()) {
            String[] kindAndText = line.split(" ", 2);
            String text = kindAndText.length > 1 ? kindAndText[1] : "";
            switch (kindAndText[0]) {
                case "progress" -> {
                    out.println(text);
                    out.flush();
                }
                case "done" -> {
                    out.println("manifest: " + text);
                    out.flush();
                    return ExitCode.OK;
                }
                default -> {
                    err.println("opencentral backup: " + text);
                    err.flush();
                    return ExitCode.SOFTWARE;
                }
            }
        }
        err.println("opencentral backup: the server closed the connection before the backup completed");
        err.flush();
        return ExitCode.SOFTWARE;
    }
}
