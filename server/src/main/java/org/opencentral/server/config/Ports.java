package org.opencentral.server.config;

/** Port range checks shared by the config records. */
final class Ports {
    static final int MAX = 65_535;

    private Ports() {
    }

    /** Requires 0..65535; 0 means "any free port" (tests). */
    static int require(String name, int port) {
        if (port < 0 || port > MAX) {
            throw new IllegalArgumentException(name + " must be in 0..65535, was " + port);
        }
        return port;
    }
}
