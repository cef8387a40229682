package org.opencentral.server.config;

/** Where a configuration value came from, lowest precedence first. */
public enum Origin {
    DEFAULT, FILE, ENVIRONMENT, COMMAND_LINE
}
