package org.opencentral.core.store;

import java.time.Instant;
import java.util.Optional;
import org.opencentral.core.security.Session;

/** Browser sessions, found by the hash of their secret. */
public interface SessionStore {
    void insert(Session session);

    Optional<Session> find(String secretHash);

    boolean delete(String secretHash);

    /** Deletes every session of a user (e.g. when the user is deleted); returns how many. */
    int deleteForUser(String userId);

    /** Deletes expired sessions; returns how many. */
    int purgeExpired(Instant now);
}
