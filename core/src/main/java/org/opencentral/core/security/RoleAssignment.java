package org.opencentral.core.security;

import java.util.Objects;
import java.util.Optional;

/** A role held by a user or an API token, optionally within one organization. */
public record RoleAssignment(String role, Optional<String> organization) {
    public RoleAssignment {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(organization, "organization");
    }

    public static RoleAssignment of(String role) {
        return new RoleAssignment(role, Optional.empty());
    }
}
