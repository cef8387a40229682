package org.opencentral.core.security;

import java.time.Instant;
import java.util.Objects;

/** A browser sign-in: only the SHA-256 of the cookie's secret is stored, with its user and expiry. */
public record Session(String secretHash, String userId, Instant createdAt, Instant expiresAt) {
    public Session {
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "Session[user=" + userId + ", expires=" + expiresAt + "]";
    }
}
