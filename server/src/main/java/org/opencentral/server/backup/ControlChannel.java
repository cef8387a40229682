package org.opencentral.server.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's local control socket, {@code <data-dir>/control.sock} (a Unix domain socket, mode
 * 0600): only the operating-system user the server runs as (and root) can open it, the
 * administrator of the machine who can read the data files anyway; nothing listens on the network. One
 * request a connection, one line: {@code backup <absolute directory>}; the answer is lines of
 * {@code progress <text>}, then {@code done <manifest JSON>} or {@code error <message>}.
 */
public final class ControlChannel implements AutoCloseable {
    public static final String SOCKET = "control.sock";
    static final String BACKUP = "backup ";
    static final String PROGRESS = "progress ";
    static final String DONE = "done ";
    static final String ERROR = "error ";
    private static final Logger LOG = LoggerFactory.getLogger(ControlChannel.class);

    private final Path socket;
    private final ServerSocketChannel server;
    private final DataDirectoryBackup backup;
    private final Thread acceptor;

    private ControlChannel(Path socket, ServerSocketChannel server, DataDirectoryBackup backup) {
        this.socket = socket;
        this.server = server;
        this.backup = backup;
        this.acceptor = Thread.ofPlatform().name("control-channel").daemon().unstarted(this::accept);
    }

    /** Listens on {@code <dataDir>/control.sock} (replacing a file a killed node left there). */
    public static ControlChannel open(Path dataDir, DataDirectoryBackup backup) {
        Path socket = dataDir.resolve(SOCKET);
        try {
            Files.deleteIfExists(socket);
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
            ControlChannel channel = new ControlChannel(socket, server, backup);
            channel.acceptor.start();
            LOG.info("control socket {} (opencentral backup)", socket);
            return channel;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the control socket " + socket, e);
        }
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                Thread.ofVirtual().name("control-request").start(() -> serve(client));
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.warn("control socket: {}", e.getMessage());
            }
        }
    }

    private void serve(SocketChannel client) {
        try (client;
                BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(client),
                        StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(Channels.newOutputStream(client), true, StandardCharsets.UTF_8)) {
            String request = in.readLine();
            if (request == null || !request.startsWith(BACKUP)) {
                out.println(ERROR + "unknown request; the control socket answers: backup <absolute directory>");
                return;
            }
            Path target = Path.of(request.substring(BACKUP.length()));
            if (!target.isAbsolute()) {
                out.println(ERROR + "the backup directory must be an absolute path: " + target);
                return;
            }
            LOG.info("backup to {} started", target);
            try {
                BackupManifest manifest = backup.writeTo(target, line -> out.println(PROGRESS + line));
                out.println(DONE + manifest.toJson());
                LOG.info("backup to {} complete: event log position {}", target, manifest.eventLogPosition());
            } catch (RuntimeException e) {
                LOG.warn("backup to {} failed: {}", target, e.getMessage());
                out.println(ERROR + e.getMessage());
            }
        } catch (IOException e) {
            LOG.warn("control socket request failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.warn("closing the control socket failed: {}", e.getMessage());
        }
    }
}
