package org.opencentral.core.rule;

import java.util.Locale;

/** The connection state a connectivity condition asks for. */
public enum Connectivity {
    CONNECTED, DISCONNECTED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
