package org.opencentral.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Azurite's blob service (the Azure Storage emulator, {@code npm ci} by this module's build) as a
 * child process on a free port of 127.0.0.1, keeping its blobs in a folder so that a stop and a
 * start keep them; its well-known development account.
 */
final class Azurite implements AutoCloseable {
    private static final Path BINARY = Path.of("node_modules", ".bin", "azurite-blob");
    private static final String ACCOUNT = "devstoreaccount1";
    private static final String KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private final Path location;
    private final int port;
    private Process process;

    private Azurite(Path location, int port) {
        this.location = location;
        this.port = port;
    }

    static Azurite start(Path location) {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Azurite azurite = new Azurite(location, port);
        azurite.restart();
        return azurite;
    }

    /** The connection string of the development account on this Azurite. */
    String connectionString() {
        return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + KEY + ";BlobEndpoint=http://127.0.0.1:"
                + port + "/" + ACCOUNT + ";";
    }

    /** Starts Azurite on its port and data folder; returns once it listens. */
    void restart() {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY.toAbsolutePath() + " is missing: the it module's build runs npm ci");
        }
        try {
            Files.createDirectories(location);
            Path out = location.resolve("azurite.out");
            Files.deleteIfExists(out);
            process = new ProcessBuilder(List.of(BINARY.toString(), "--blobHost", "127.0.0.1", "--blobPort",
                    Integer.toString(port), "--location", location.toString(), "--skipApiVersionCheck"))
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Azurite exited: " + Files.readString(out));
                }
                return Files.readString(out).contains("successfully listens");
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops Azurite (its blobs stay in its folder). */
    void stop() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }
}
