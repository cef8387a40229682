package org.opencentral.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencentral.store.contract.Fixtures.ROLES;
import static org.opencentral.store.contract.Fixtures.T0;
import static org.opencentral.store.contract.Fixtures.assertFails;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.security.ApiToken;
import org.opencentral.core.security.RoleAssignment;

public interface ApiTokenStoreContract extends StoreFixture {
    private static ApiToken token(String id) {
        return new ApiToken(id, "sha256:" + id, ROLES, T0.plus(Duration.ofDays(365)), T0);
    }

    @Test
    default void tokensRoundTripWithTheirRoles() {
        store().apiTokens().insert(token("t1"));

        assertThat(store().apiTokens().find("t1")).contains(token("t1"));
        assertThat(store().apiTokens().find("t2")).isEmpty();
    }

    @Test
    default void eachTokenKeepsItsOwnExpiryToTheMillisecond() {
        ApiToken soon = new ApiToken("soon", "sha256:soon", ROLES, T0.plusMillis(1_001), T0);
        ApiToken late = new ApiToken("late", "sha256:late", ROLES, T0.plus(Duration.ofDays(730)), T0);
        store().apiTokens().insert(soon);
        store().apiTokens().insert(late);

        assertThat(store().apiTokens().find("soon")).map(ApiToken::expiry).contains(T0.plusMillis(1_001));
        assertThat(store().apiTokens().list()).extracting(ApiToken::expiry)
                .containsExactly(T0.plus(Duration.ofDays(730)), T0.plusMillis(1_001));
    }

    @Test
    default void duplicateTokenIdIsAConflict() {
        store().apiTokens().insert(token("t1"));

        assertFails(ErrorCode.CONFLICT, () -> store().apiTokens().insert(
                new ApiToken("t1", "other", List.of(RoleAssignment.of("r")), T0, T0)));
        assertThat(store().apiTokens().find("t1")).contains(token("t1"));
    }

    @Test
    default void tokensAreListedByIdAndDeleted() {
        store().apiTokens().insert(token("b"));
        store().apiTokens().insert(token("a"));
        store().apiTokens().insert(token("c"));

        assertThat(store().apiTokens().list()).extracting(ApiToken::id).containsExactly("a", "b", "c");
        assertThat(store().apiTokens().delete("b")).isTrue();
        assertThat(store().apiTokens().delete("b")).isFalse();
        assertThat(store().apiTokens().list()).extracting(ApiToken::id).containsExactly("a", "c");
    }
}
