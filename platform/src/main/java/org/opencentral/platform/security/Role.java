package org.opencentral.platform.security;

import java.util.Objects;
import java.util.Set;
import org.opencentral.core.security.RoleKind;

/** A role as authorization sees it: built-in or custom, with its permissions expanded. */
public record Role(String id, String displayName, RoleKind kind, Set<Permission> permissions, boolean builtIn) {
    public Role {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(kind, "kind");
        permissions = Set.copyOf(PermissionCatalogue.expand(permissions));
    }
}
