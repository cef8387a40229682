package org.opencentral.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencentral.store.contract.Fixtures.ROLES;
import static org.opencentral.store.contract.Fixtures.T0;
import static org.opencentral.store.contract.Fixtures.assertFails;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.security.User;

public interface UserStoreContract extends StoreFixture {
    private static User user(String id, String email) {
        return new User(id, email, Optional.of("$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA"), ROLES, T0);
    }

    @Test
    default void usersRoundTripAndAreFoundByEmailIgnoringCase() {
        User ada = user("u1", "Ada.Lovelace@Example.com");
        store().users().insert(ada);

        assertThat(store().users().find("u1")).contains(ada);
        assertThat(store().users().findByEmail("ada.lovelace@example.COM")).contains(ada);
        assertThat(store().users().findByEmail("someone@example.com")).isEmpty();
        assertThat(store().users().find("u2")).isEmpty();
    }

    @Test
    default void userWithoutPasswordRoundTrips() {
        User sso = new User("u1", "sso@example.com", Optional.empty(), List.of(), T0);
        store().users().insert(sso);

        assertThat(store().users().find("u1")).contains(sso);
    }

    @Test
    default void duplicateIdOrEmailInAnyCaseIsAConflict() {
        store().users().insert(user("u1", "ada@example.com"));

        assertFails(ErrorCode.CONFLICT, () -> store().users().insert(user("u1", "other@example.com")));
        assertFails(ErrorCode.CONFLICT, () -> store().users().insert(user("u2", "ADA@Example.com")));
        assertThat(store().users().count()).isEqualTo(1);
    }

    @Test
    default void usersAreListedByIdCountedAndDeleted() {
        store().users().insert(user("u2", "b@example.com"));
        store().users().insert(user("u1", "a@example.com"));

        assertThat(store().users().list()).extracting(User::id).containsExactly("u1", "u2");
        assertThat(store().users().count()).isEqualTo(2);
        assertThat(store().users().delete("u1")).isTrue();
        assertThat(store().users().delete("u1")).isFalse();
        assertThat(store().users().count()).isEqualTo(1);
        store().users().insert(user("u3", "A@example.com"));
        assertThat(store().users().findByEmail("a@example.com")).map(User::id).contains("u3");
    }
}
