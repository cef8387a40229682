package org.opencentral.testkit;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Azurite's blob service (the Azure Storage emulator, {@code testkit/package.json}, installed by
 * {@code npm ci} in the builds of the modules that start it, found from a test module's directory as
 * {@code ../testkit/node_modules}) as a child process on a
 * free port of 127.0.0.1, keeping its blobs in a folder so that a stop and a start keep them; its
 * well-known development account; over plain HTTP, or over HTTPS with a PEM certificate and key
 * (as the device SDKs' blob URIs are always {@code https}).
 */
public final class Azurite implements AutoCloseable {
    private static final Path BINARY = Path.of("..", "testkit", "node_modules", ".bin", "azurite-blob");
    private static final String ACCOUNT = "devstoreaccount1";
    private static final String KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private final Path location;
    private final int port;
    private final List<String> options;
    private Process process;

    private Azurite(Path location, int port, List<String> options) {
        this.location = location;
        this.port = port;
        this.options = List.copyOf(options);
    }

    /** Azurite over plain HTTP, its blobs in {@code location}. */
    public static Azurite start(Path location) {
        return start(location, List.of());
    }

    /** Azurite over HTTPS with the PEM {@code certificate} and its {@code key}, its blobs in {@code location}. */
    public static Azurite startHttps(Path location, Path certificate, Path key) {
        return start(location, https(certificate, key));
    }

    /**
     * Like {@link #startHttps}, in Azurite's loose mode, which ignores headers it does not implement
     * where its default (strict) mode refuses them with 500 {@code FeatureNotSupported}: the Node.js
     * device SDK's {@code @azure/storage-blob} 12.8.0 sends {@code x-ms-encryption-algorithm: AES256}
     * (without a key) with every Put Block, which Azure accepts.
     */
    public static Azurite startHttpsLoose(Path location, Path certificate, Path key) {
        List<String> options = new ArrayList<>(https(certificate, key));
        options.add("--loose");
        return start(location, options);
    }

    private static List<String> https(Path certificate, Path key) {
        return List.of("--cert", certificate.toAbsolutePath().toString(), "--key", key.toAbsolutePath().toString());
    }

    private static Azurite start(Path location, List<String> options) {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Azurite azurite = new Azurite(location, port, options);
        azurite.restart();
        return azurite;
    }

    /** The connection string of the development account on this Azurite. */
    public String connectionString() {
        String scheme = options.contains("--cert") ? "https" : "http";
        return "DefaultEndpointsProtocol=" + scheme + ";AccountName=" + ACCOUNT + ";AccountKey=" + KEY + ";BlobEndpoint="
                + scheme + "://127.0.0.1:" + port + "/" + ACCOUNT + ";";
    }

    /** Starts Azurite on its port and data folder; returns once it listens. */
    public void restart() {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY.toAbsolutePath() + " is missing: the it and compat-tests builds run npm ci in testkit/");
        }
        try {
            Files.createDirectories(location);
            Path out = location.resolve("azurite.out");
            Files.deleteIfExists(out);
            List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--blobHost", "127.0.0.1", "--blobPort",
                    Integer.toString(port), "--location", location.toString(), "--skipApiVersionCheck"));
            command.addAll(options);
            process = new ProcessBuilder(command)
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
    public void stop() {
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
