package org.opencentral.server;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.opencentral.server.config.ConfigException;
import org.opencentral.server.config.ServerConfig;
import org.opencentral.server.runtime.InitialCredentialsFile;
import org.opencentral.server.runtime.OpenCentralServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one node until the process is asked to stop (SIGTERM, Ctrl-C), then shuts it down gracefully. */
public final class Application {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private Application() {
    }

    /**
     * Runs the server until it is stopped.
     *
     * @param config a loaded and validated configuration
     * @return the process exit code
     */
    public static int run(ServerConfig config) {
        OpenCentralServer server;
        try {
            server = OpenCentralServer.start(config, Clock.systemUTC());
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return 2;
        } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            LOG.error("OpenCentral could not start: {}", e.getMessage(), e);
            return 1;
        }
        server.initialCredentials().ifPresent(credentials -> {
            System.out.print(InitialCredentialsFile.banner(credentials, config.dataDir()));
            System.out.flush();
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("shutting down");
            server.close();
            stopped.countDown();
        }, "opencentral-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
