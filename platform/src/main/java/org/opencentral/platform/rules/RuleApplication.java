package org.opencentral.platform.rules;

import java.util.Objects;

/** The application as actions name it: its id, display name and the host its users reach. */
public record RuleApplication(String id, String displayName, String host) {
    public RuleApplication {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(host, "host");
    }
}
