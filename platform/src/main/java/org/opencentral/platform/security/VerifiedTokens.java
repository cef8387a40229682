package org.opencentral.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * API tokens this node verified recently: (token id, SHA-256 of the presented secret) to principal,
 * for {@link #TTL}, at most {@link #MAX_ENTRIES} entries. An entry is used only while the token is
 * unexpired and the role catalogue has not changed since it was made; {@link #forget} drops a
 * token at once (a deletion on this node). Other nodes of a cluster see a deletion when their entry
 * ages out, within {@link #TTL}. Holds hashes, never secrets; failed checks are never cached.
 */
final class VerifiedTokens {
    static final Duration TTL = Duration.ofSeconds(10);
    static final int MAX_ENTRIES = 10_000;

    private record Entry(String tokenId, Principal principal, Instant expiry, long rolesVersion, Instant verifiedAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong forgets = new AtomicLong();

    /** Taken before a token is read from the store, handed back to {@link #put}. */
    long generation() {
        return forgets.get();
    }

    Optional<Principal> find(String tokenId, String secretHash, Instant now, long rolesVersion) {
        Entry entry = entries.get(key(tokenId, secretHash));
        if (entry == null || !fresh(entry, now) || entry.rolesVersion() != rolesVersion) {
            return Optional.empty();
        }
        return Optional.of(entry.principal());
    }

    /**
     * Remembers a verification; dropped again if a token was forgotten since {@code generation} (the
     * verification may have read the token before its deletion).
     */
    void put(String secretHash, Principal principal, Instant expiry, long rolesVersion, Instant now, long generation) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(e -> !fresh(e, now));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        String key = key(principal.id(), secretHash);
        entries.put(key, new Entry(principal.id(), principal, expiry, rolesVersion, now));
        if (forgets.get() != generation) {
            entries.remove(key);
        }
    }

    /** Drops every entry of token {@code tokenId}. */
    void forget(String tokenId) {
        forgets.incrementAndGet();
        entries.values().removeIf(e -> e.tokenId().equals(tokenId));
    }

    int size() {
        return entries.size();
    }

    private static boolean fresh(Entry entry, Instant now) {
        return entry.expiry().isAfter(now) && now.isBefore(entry.verifiedAt().plus(TTL));
    }

    private static String key(String tokenId, String secretHash) {
        return Objects.requireNonNull(tokenId) + "\n" + secretHash;
    }
}
