package org.opencentral.core.security;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An API token as stored: only a hash of its secret is kept, never the token itself.
 */
public record ApiToken(String id, String secretHash, List<RoleAssignment> roles, Instant expiry, Instant createdAt) {
    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(secretHash, "secretHash");
        roles = List.copyOf(roles);
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public String toString() {
        return "ApiToken[" + id + ", roles=" + roles + ", expiry=" + expiry + "]";
    }
}
