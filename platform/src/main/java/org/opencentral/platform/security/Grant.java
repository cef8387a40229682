package org.opencentral.platform.security;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Permissions a principal holds application-wide ({@code organization} empty) or within one organization's subtree. */
public record Grant(Optional<String> organization, Set<Permission> permissions) {
    public Grant {
        Objects.requireNonNull(organization, "organization");
        permissions = Set.copyOf(permissions);
    }
}
