package org.opencentral.platform.security;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.opencentral.core.security.RoleAssignment;

/**
 * First start on an empty store: creates the administrator account and an App Administrator API
 * token. The caller shows both once (and writes the token where the operator can find it).
 */
public final class Bootstrap {
    public static final String INITIAL_TOKEN_ID = "initial-admin";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserService users;
    private final ApiTokenService tokens;

    public Bootstrap(UserService users, ApiTokenService tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    /** What the first start created; the password is present only when it was generated. */
    public record InitialCredentials(String email, Optional<String> generatedPassword, String apiToken) {
        @Override
        public String toString() {
            return "InitialCredentials[" + email + "]";
        }
    }

    /** Creates the administrator if there is no user yet; empty when the store was already set up. */
    public Optional<InitialCredentials> ensureAdministrator(String email, Optional<String> password) {
        if (users.count() > 0) {
            return Optional.empty();
        }
        String chosen = password.orElseGet(Bootstrap::generatePassword);
        List<RoleAssignment> admin = List.of(RoleAssignment.of(BuiltInRole.APP_ADMINISTRATOR.id()));
        users.create(email, chosen, admin);
        String token = tokens.create(INITIAL_TOKEN_ID, admin, Optional.empty()).value();
        return Optional.of(new InitialCredentials(email, password.isPresent() ? Optional.empty() : Optional.of(chosen),
                token));
    }

    private static String generatePassword() {
        StringBuilder out = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
