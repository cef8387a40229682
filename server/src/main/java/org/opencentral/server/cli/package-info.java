/**
 * The {@code opencentral} command line (picocli): {@code start} and {@code config}. Flags are
 * generated from {@link org.opencentral.server.config.ConfigKey}, so every configuration key has a
 * documented flag and environment variable. Knows configuration and the application entry point
 * only; never the platform, storage or transports.
 */
package org.opencentral.server.cli;
