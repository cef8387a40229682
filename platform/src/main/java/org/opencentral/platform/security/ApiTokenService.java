package org.opencentral.platform.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.opencentral.core.DomainException;
import org.opencentral.core.security.ApiToken;
import org.opencentral.core.security.RoleAssignment;
import org.opencentral.core.store.ApiTokenStore;

/**
 * API tokens in IoT Central's form, {@code SharedAccessSignature sr={appId}&sig={secret}&skn={tokenId}&se={expiry ms}}.
 * The secret is 256 random bits; only its SHA-256 is stored, so the token is shown once, at creation.
 * Successful checks are remembered for a few seconds ({@link VerifiedTokens}): a token deleted on
 * this node is refused at once, on other nodes within {@link VerifiedTokens#TTL}.
 */
public final class ApiTokenService {
    /** A token's life when its creator names no expiry: a year, as IoT Central's. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(365);
    /** The longest life a token may be given: two years from its creation. */
    public static final Duration MAX_VALIDITY = Duration.ofDays(730);
    private static final Pattern TOKEN_ID = Pattern.compile("[a-zA-Z0-9_-]{1,128}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenStore tokens;
    private final RoleCatalog roles;
    private final String applicationId;
    private final Clock clock;
    private final VerifiedTokens verified = new VerifiedTokens();

    public ApiTokenService(ApiTokenStore tokens, RoleCatalog roles, String applicationId, Clock clock) {
        this.tokens = tokens;
        this.roles = roles;
        this.applicationId = applicationId;
        this.clock = clock;
    }

    /** A created token and, once only, its value. */
    public record IssuedToken(ApiToken token, String value) {
        @Override
        public String toString() {
            return "IssuedToken[" + token + "]";
        }
    }

    public IssuedToken create(String id, List<RoleAssignment> roles, Optional<Instant> expiry) {
        if (!TOKEN_ID.matcher(id).matches()) {
            throw DomainException.badRequest("invalid token id '" + id + "': use letters, digits, '-' and '_'");
        }
        if (roles.isEmpty()) {
            throw DomainException.badRequest("a token needs at least one role");
        }
        for (RoleAssignment role : roles) {
            if (this.roles.find(role.role()).isEmpty()) {
                throw DomainException.badRequest("unknown role '" + role.role() + "'");
            }
        }
        Instant now = clock.instant();
        Instant until = expiry.orElse(now.plus(DEFAULT_VALIDITY));
        if (!until.isAfter(now)) {
            throw DomainException.badRequest("the expiry must lie in the future");
        }
        if (until.isAfter(now.plus(MAX_VALIDITY))) {
            throw DomainException.badRequest("the expiry must lie within " + MAX_VALIDITY.toDays()
                    + " days of the token's creation (at most " + now.plus(MAX_VALIDITY) + ")");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String sig = Base64.getEncoder().encodeToString(secret);
        ApiToken token = new ApiToken(id, hash(sig), roles, until, now);
        tokens.insert(token);
        String value = "SharedAccessSignature sr=" + applicationId + "&sig=" + URLEncoder.encode(sig, StandardCharsets.UTF_8)
                + "&skn=" + id + "&se=" + until.toEpochMilli();
        return new IssuedToken(token, value);
    }

    /** What an {@code Authorization} header value is worth: a principal, an expired token, or nothing. */
    public sealed interface TokenCheck {
        /** The principal, when the token was accepted. */
        default Optional<Principal> principal() {
            return this instanceof Accepted accepted ? Optional.of(accepted.caller()) : Optional.empty();
        }
    }

    /** A valid, live token of {@code caller}. */
    public record Accepted(Principal caller) implements TokenCheck {
    }

    /** A token whose secret matches but whose expiry has passed (said only to who holds the secret). */
    public record Expired(String tokenId, Instant expiry) implements TokenCheck {
    }

    /** Not a token of this application, unknown, revoked or with a wrong secret. */
    public record Refused() implements TokenCheck {
    }

    /** Checks an {@code Authorization} header value against the stored tokens. */
    public TokenCheck authenticate(String header) {
        Optional<SasToken> parsed = SasToken.parse(header);
        if (parsed.isEmpty() || parsed.get().keyName().isEmpty() || !applicationId.equals(parsed.get().resource())) {
            return new Refused();
        }
        SasToken presented = parsed.get();
        String tokenId = presented.keyName().get();
        String presentedHash = hash(presented.signature());
        Instant now = clock.instant();
        long rolesVersion = roles.version();
        Optional<Principal> remembered = verified.find(tokenId, presentedHash, now, rolesVersion);
        if (remembered.isPresent()) {
            return new Accepted(remembered.get());
        }
        long generation = verified.generation();
        Optional<ApiToken> stored = tokens.find(tokenId);
        if (stored.isEmpty()) {
            return new Refused();
        }
        ApiToken token = stored.get();
        boolean matches = MessageDigest.isEqual(token.secretHash().getBytes(StandardCharsets.US_ASCII),
                presentedHash.getBytes(StandardCharsets.US_ASCII));
        if (!matches) {
            return new Refused();
        }
        if (!token.expiry().isAfter(now)) {
            return new Expired(token.id(), token.expiry());
        }
        Principal principal = roles.principal(token.id(), Principal.Kind.API_TOKEN, token.roles());
        verified.put(presentedHash, principal, token.expiry(), rolesVersion, now, generation);
        return new Accepted(principal);
    }

    /** Whether any token holds role {@code roleId}. */
    public boolean anyHolds(String roleId) {
        return tokens.list().stream().anyMatch(t -> t.roles().stream().anyMatch(r -> r.role().equals(roleId)));
    }

    public List<ApiToken> list() {
        return tokens.list();
    }

    public ApiToken get(String id) {
        return tokens.find(id).orElseThrow(() -> DomainException.notFound("API token '" + id + "'"));
    }

    /**
     * Deletes a token; this node refuses it from now on (forgetting after the deletion also drops a
     * check that read the token just before it).
     */
    public void delete(String id) {
        boolean deleted = tokens.delete(id);
        verified.forget(id);
        if (!deleted) {
            throw DomainException.notFound("API token '" + id + "'");
        }
    }

    private static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
