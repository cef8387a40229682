package org.opencentral.server;

import org.opencentral.server.cli.OpenCentralCommand;
import org.opencentral.server.config.ConfigLoader;

/** Entry point of the {@code opencentral} command: runs the command line and exits with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int exitCode = OpenCentralCommand.create(ConfigLoader.fromSystem(), Application::run).execute(args);
        System.exit(exitCode);
    }
}
