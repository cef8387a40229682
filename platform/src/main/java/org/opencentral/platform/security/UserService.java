package org.opencentral.platform.security;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.opencentral.core.DomainException;
import org.opencentral.core.security.RoleAssignment;
import org.opencentral.core.security.User;
import org.opencentral.core.store.UserStore;

/** Local user accounts with argon2id password hashes. */
public final class UserService {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    public static final int MIN_PASSWORD_LENGTH = 12;

    private final UserStore users;
    private final PasswordHasher hasher;
    private final Clock clock;

    public UserService(UserStore users, PasswordHasher hasher, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    public User create(String email, String password, List<RoleAssignment> roles) {
        if (!EMAIL.matcher(email).matches()) {
            throw DomainException.badRequest("'" + email + "' is not an email address");
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw DomainException.badRequest("passwords need at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        User user = new User(UUID.randomUUID().toString(), email, Optional.of(hasher.hash(password)), roles,
                clock.instant());
        users.insert(user);
        return user;
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
