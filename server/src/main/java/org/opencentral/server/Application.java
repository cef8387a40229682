package org.opencentral.server;

import org.opencentral.server.config.ConfigPrinter;
import org.opencentral.server.config.ServerConfig;

/** The composition root: builds and runs the server from a valid configuration. */
public final class Application {
    private Application() {
    }

    /**
     * Runs the server until it is stopped.
     *
     * @param config a loaded and validated configuration
     * @return the process exit code
     */
    public static int run(ServerConfig config) {
        // Placeholder until the composition root lands: show what would be started.
        System.out.print(ConfigPrinter.render(config));
        System.out.flush();
        return 0;
    }
}
