package org.opencentral.platform.security;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.opencentral.core.DomainException;
import org.opencentral.core.security.RoleAssignment;
import org.opencentral.core.security.User;
import org.opencentral.core.store.SessionStore;
import org.opencentral.core.store.UserStore;

/** Local user accounts with argon2id password hashes. Deleting a user ends its sessions. */
public final class UserService {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Pattern ID = Pattern.compile("[a-zA-Z0-9_-]{1,48}");
    public static final int MIN_PASSWORD_LENGTH = 12;

    private final UserStore users;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final Clock clock;

    public UserService(UserStore users, SessionStore sessions, PasswordHasher hasher, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.clock = clock;
    }

    public User create(String email, String password, List<RoleAssignment> roles) {
        return put(UUID.randomUUID().toString(), email, Optional.of(password), roles);
    }

    /**
     * Creates user {@code id} or replaces its email and roles; a given password replaces the hash, an
     * empty one keeps it (a new user without password cannot sign in until one is set).
     */
    public User put(String id, String email, Optional<String> password, List<RoleAssignment> roles) {
        if (!ID.matcher(id).matches()) {
            throw DomainException.badRequest("invalid user id '" + id + "': 1-48 letters, digits, '-' or '_'");
        }
        if (!EMAIL.matcher(email).matches()) {
            throw DomainException.badRequest("'" + email + "' is not an email address");
        }
        password.filter(p -> p.length() < MIN_PASSWORD_LENGTH).ifPresent(p -> {
            throw DomainException.badRequest("passwords need at least " + MIN_PASSWORD_LENGTH + " characters");
        });
        Optional<User> existing = users.find(id);
        Optional<String> hash = password.map(hasher::hash).or(() -> existing.flatMap(User::passwordHash));
        User user = new User(id, email, hash, roles, existing.map(User::createdAt).orElse(clock.instant()));
        if (existing.isPresent()) {
            users.update(user);
        } else {
            users.insert(user);
        }
        return user;
    }

    public Optional<User> find(String id) {
        return users.find(id);
    }

    public User get(String id) {
        return users.find(id).orElseThrow(() -> DomainException.notFound("user '" + id + "'"));
    }

    public List<User> list() {
        return users.list();
    }

    public void delete(String id) {
        if (!users.delete(id)) {
            throw DomainException.notFound("user '" + id + "'");
        }
        sessions.deleteForUser(id);
    }

    /** Whether any user holds role {@code roleId}. */
    public boolean anyHolds(String roleId) {
        return users.list().stream().anyMatch(u -> u.roles().stream().anyMatch(r -> r.role().equals(roleId)));
    }

    /** The user if the email and password match; empty otherwise (no hint which one was wrong). */
    public Optional<User> verify(String email, String password) {
        return users.findByEmail(email)
                .filter(user -> user.passwordHash().map(hash -> hasher.verify(password, hash)).orElse(false));
    }

    public long count() {
        return users.count();
    }
}
