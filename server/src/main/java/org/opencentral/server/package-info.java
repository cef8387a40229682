/**
 * The {@code opencentral} server process: {@link org.opencentral.server.Main} (the command line)
 * and {@link org.opencentral.server.Application} (the composition root, the one place that wires
 * storage, platform, transports and API together). Sub-packages: {@code config}, {@code cli},
 * {@code tls}, {@code logging}.
 */
package org.opencentral.server;
