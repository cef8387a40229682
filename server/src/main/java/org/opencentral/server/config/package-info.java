/**
 * The server's configuration: one immutable record tree ({@link org.opencentral.server.config.ServerConfig})
 * with defaults in code, loaded from defaults, an optional {@code key = value} file,
 * {@code OPENCENTRAL_*} environment variables and command-line flags (later wins), validated at
 * start-up with every error reported at once, and printable with each key's documentation.
 *
 * <p>Each component receives its own sub-record only. This package imports only the JDK and SLF4J:
 * no picocli, Netty, Jetty or BouncyCastle.
 */
package org.opencentral.server.config;
