package org.opencentral.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.DomainException;
import org.opencentral.core.security.ApiToken;
import org.opencentral.core.security.RoleAssignment;
import org.opencentral.core.security.RoleKind;
import org.opencentral.core.store.ApiTokenStore;
import org.opencentral.core.store.StateStore;
import org.opencentral.core.testing.ManualClock;
import org.opencentral.store.secret.AesGcmSecretCipher;
import org.opencentral.store.sqlite.SqliteStateStore;

/** API token checks over a real SQLite store: what is remembered, for how long, and what forgets it. */
@Timeout(30)
class ApiTokenServiceTest {
    private static final String APP = "app-1";

    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-26T10:00:00Z"));
    StateStore state;
    CountingTokens store;
    RoleCatalog roles;
    ApiTokenService tokens;

    @BeforeEach
    void open() {
        state = SqliteStateStore.open(dir.resolve("state.db"), AesGcmSecretCipher.random());
        store = new CountingTokens(state.apiTokens());
        roles = new RoleCatalog(state.roles(), clock);
        tokens = new ApiTokenService(store, roles, APP, clock);
    }

    @AfterEach
    void close() {
        state.close();
    }

    @Test
    void aVerifiedTokenIsCheckedAgainstTheStoreOncePerTtl() {
        String token = issue("t1", BuiltInRole.APP_OPERATOR.id(), Optional.empty());

        assertThat(tokens.authenticate(token).principal()).hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("t1"));
        assertThat(tokens.authenticate(token).principal()).isPresent();
        assertThat(store.finds.get()).isEqualTo(1);

        clock.advance(VerifiedTokens.TTL);
        assertThat(tokens.authenticate(token).principal()).isPresent();
        assertThat(store.finds.get()).isEqualTo(2);
    }

    @Test
    void aTokenDeletedOnThisNodeIsRefusedAtOnce() {
        String token = issue("t1", BuiltInRole.APP_OPERATOR.id(), Optional.empty());
        assertThat(tokens.authenticate(token).principal()).isPresent();

        tokens.delete("t1");

        assertThat(tokens.authenticate(token).principal()).isEmpty();
    }

    @Test
    void aTokenDeletedByAnotherNodeIsRefusedWithinTheTtl() {
        String token = issue("t1", BuiltInRole.APP_OPERATOR.id(), Optional.empty());
        assertThat(tokens.authenticate(token).principal()).isPresent();

        state.apiTokens().delete("t1");
        clock.advance(VerifiedTokens.TTL);

        assertThat(tokens.authenticate(token).principal()).isEmpty();
    }

    @Test
    void aWrongSecretIsRefusedEveryTimeAndNeverRemembered() {
        String token = issue("t1", BuiltInRole.APP_OPERATOR.id(), Optional.empty());
        assertThat(tokens.authenticate(token).principal()).isPresent();
        String forged = token.replaceFirst("sig=[^&]+", "sig=AAAA");

        assertThat(tokens.authenticate(forged).principal()).isEmpty();
        assertThat(tokens.authenticate(forged).principal()).isEmpty();
        assertThat(store.finds.get()).isEqualTo(3);
    }

    @Test
    void aRememberedTokenStillExpiresOnTime() {
        String token = issue("t1", BuiltInRole.APP_OPERATOR.id(), Optional.of(clock.instant().plusSeconds(5)));
        assertThat(tokens.authenticate(token).principal()).isPresent();

        clock.advance(Duration.ofSeconds(5));

        assertThat(tokens.authenticate(token).principal()).isEmpty();
    }

    @Test
    void anExpiredTokenIsToldApartFromAForgedOneOnlyByItsHolder() {
        Instant expiry = clock.instant().plusSeconds(60);
        String token = issue("t1", BuiltInRole.APP_OPERATOR.id(), Optional.of(expiry));
        String forged = token.replaceFirst("sig=[^&]+", "sig=AAAA");
        clock.advance(Duration.ofSeconds(60));

        assertThat(tokens.authenticate(token)).isEqualTo(new ApiTokenService.Expired("t1", expiry));
        assertThat(tokens.authenticate(forged)).isEqualTo(new ApiTokenService.Refused());
    }

    @Test
    void anExpiryIsOptionalInTheFutureAndAtMostTwoYearsAway() {
        Instant now = clock.instant();

        assertThat(tokens.create("default", List.of(RoleAssignment.of(BuiltInRole.APP_OPERATOR.id())),
                Optional.empty()).token().expiry()).isEqualTo(now.plus(ApiTokenService.DEFAULT_VALIDITY));
        assertThat(tokens.create("longest", List.of(RoleAssignment.of(BuiltInRole.APP_OPERATOR.id())),
                Optional.of(now.plus(ApiTokenService.MAX_VALIDITY))).token().expiry())
                .isEqualTo(now.plus(ApiTokenService.MAX_VALIDITY));
        assertThatThrownBy(() -> issue("too-long", BuiltInRole.APP_OPERATOR.id(),
                Optional.of(now.plus(ApiTokenService.MAX_VALIDITY).plusSeconds(1))))
                .isInstanceOf(DomainException.class).hasMessageContaining("within 730 days");
        assertThatThrownBy(() -> issue("past", BuiltInRole.APP_OPERATOR.id(), Optional.of(now)))
                .isInstanceOf(DomainException.class).hasMessageContaining("in the future");
    }

    @Test
    void aRoleChangeOnThisNodeTakesEffectAtOnce() {
        roles.put("custom", "Custom", RoleKind.APPLICATION, Set.of(Permission.DEVICES_UPDATE));
        String token = issue("t1", "custom", Optional.empty());
        assertThat(tokens.authenticate(token).principal().orElseThrow().permissions()).contains(Permission.DEVICES_UPDATE);

        roles.put("custom", "Custom", RoleKind.APPLICATION, Set.of(Permission.DEVICES_VIEW));

        assertThat(tokens.authenticate(token).principal().orElseThrow().permissions()).contains(Permission.DEVICES_VIEW)
                .doesNotContain(Permission.DEVICES_UPDATE);
    }

    private String issue(String id, String role, Optional<Instant> expiry) {
        return tokens.create(id, List.of(RoleAssignment.of(role)), expiry).value();
    }

    /** The real store, counting its lookups. */
    private static final class CountingTokens implements ApiTokenStore {
        final AtomicInteger finds = new AtomicInteger();
        private final ApiTokenStore delegate;

        CountingTokens(ApiTokenStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public void insert(ApiToken token) {
            delegate.insert(token);
        }

        @Override
        public Optional<ApiToken> find(String id) {
            finds.incrementAndGet();
            return delegate.find(id);
        }

        @Override
        public List<ApiToken> list() {
            return delegate.list();
        }

        @Override
        public boolean delete(String id) {
            return delegate.delete(id);
        }
    }
}
