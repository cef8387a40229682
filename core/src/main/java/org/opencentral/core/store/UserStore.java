package org.opencentral.core.store;

import java.util.List;
import java.util.Optional;
import org.opencentral.core.security.User;

public interface UserStore {
    /** CONFLICT if the id or the email (case-insensitive) exists. */
    void insert(User user);

    Optional<User> find(String id);

    Optional<User> findByEmail(String email);

    List<User> list();

    /** Replaces an existing user's email, password hash and roles; NOT_FOUND if absent, CONFLICT on a taken email. */
    void update(User user);

    boolean delete(String id);

    long count();
}
