package org.opencentral.core.security;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A role defined by the application's administrators over the permission catalogue. Permissions are
 * kept by their wire names ({@code devices.view}); the platform resolves them.
 */
public record CustomRole(String id, String displayName, RoleKind kind, Set<String> permissions, Instant updatedAt) {
    private static final Pattern ID = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

    public CustomRole {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(kind, "kind");
        permissions = Set.copyOf(new TreeSet<>(permissions));
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (!ID.matcher(id).matches()) {
            throw org.opencentral.core.DomainException.badRequest(
                    "invalid role id '" + id + "': 1-64 letters, digits, '-' or '_'");
        }
    }
}
