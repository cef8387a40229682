package org.opencentral.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.security.Session;
import org.opencentral.core.security.User;
import org.opencentral.core.store.SessionStore;

/**
 * Browser sign-in. A session secret is 256 random bits; the cookie carries it, the store only its
 * SHA-256. The CSRF token is derived from the secret (SHA-256 of {@code "csrf:" + secret}), so it needs
 * no storage and changes with every session. Failed sign-ins back off through {@link LoginThrottle}.
 */
public final class SessionService {
    public static final Duration LIFETIME = Duration.ofHours(8);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SessionStore sessions;
    private final UserService users;
    private final LoginThrottle throttle;
    private final Clock clock;

    public SessionService(SessionStore sessions, UserService users, LoginThrottle throttle, Clock clock) {
        this.sessions = sessions;
        this.users = users;
        this.throttle = throttle;
        this.clock = clock;
    }

    /** A new session: the cookie secret and CSRF token are shown once, to the signed-in browser. */
    public record IssuedSession(User user, String secret, String csrfToken, Instant expiresAt) {
        @Override
        public String toString() {
            return "IssuedSession[" + user.id() + "]";
        }
    }

    /** Signs in; 401 for a wrong email or password, 429 while the account or address is backing off. */
    public IssuedSession login(String email, String password, String clientAddress) {
        throttle.blockedFor(email, clientAddress).ifPresent(wait -> {
            throw new DomainException(ErrorCode.THROTTLED, "too many failed sign-ins; retry in "
                    + Math.max(1, wait.toSeconds()) + " s");
        });
        Optional<User> user = users.verify(email, password);
        if (user.isEmpty()) {
            throttle.failed(email, clientAddress);
            throw new DomainException(ErrorCode.UNAUTHORIZED, "wrong email or password");
        }
        throttle.succeeded(email, clientAddress);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Session session = new Session(sha256(secret), user.get().id(), now, now.plus(LIFETIME));
        sessions.insert(session);
        return new IssuedSession(user.get(), secret, csrfToken(secret), session.expiresAt());
    }

    /** The user of a live session. */
    public Optional<User> authenticate(String secret) {
        return sessions.find(sha256(secret)).filter(s -> s.expiresAt().isAfter(clock.instant()))
                .flatMap(s -> users.find(s.userId()));
    }

    public void logout(String secret) {
        sessions.delete(sha256(secret));
    }

    /** Deletes sessions past their expiry; the server runs it periodically. */
    public int purgeExpired() {
        return sessions.purgeExpired(clock.instant());
    }

    /** The double-submit token that unsafe requests authenticated by this session's cookie must carry. */
    public static String csrfToken(String secret) {
        return sha256("csrf:" + secret).substring("sha256:".length());
    }

    /** Whether {@code presented} is the CSRF token of the session (constant-time). */
    public static boolean csrfMatches(String secret, String presented) {
        return MessageDigest.isEqual(csrfToken(secret).getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
