package org.opencentral.sim;

import org.opencentral.sim.cli.Commands;
import picocli.CommandLine;

/** {@code bench/sim}: the load generator's entry point. */
public final class LoadGenerator {
    private LoadGenerator() {
    }

    public static void main(String[] args) {
        System.exit(Commands.commandLine().execute(args));
    }
}
