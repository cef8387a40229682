package org.opencentral.core.security;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A local user account; the password is kept only as an argon2id hash (PHC string). */
public record User(String id, String email, Optional<String> passwordHash, List<RoleAssignment> roles,
        Instant createdAt) {
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        roles = List.copyOf(roles);
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public String toString() {
        return "User[" + id + ", " + email + ", roles=" + roles + "]";
    }
}
