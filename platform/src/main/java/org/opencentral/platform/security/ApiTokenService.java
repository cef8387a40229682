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
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(365);
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
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String sig = Base64.getEncoder().encodeToString(secret);
        ApiToken token = new ApiToken(id, hash(sig), roles, until, now);
        tokens.insert(token);
        String value = "SharedAccessSignature sr=" + applicationId + "&sig=" + URLEncoder.encode(sig, StandardCharsets.UTF_8)
                + "&skn=" + id + "&se=" + until.toEpochMilli();
        return new IssuedToken(token, value);
    }

    /** The principal an {@code Authorization} header value stands for; empty if it is not a valid, live token. */
    public Optional<Principal> authenticate(String header) {
        Optional<SasToken> parsed = SasToken.parse(header);
        if (parsed.isEmpty() || parsed.get().keyName().isEmpty() || !applicationId.equals(parsed.get().resource())) {
            return Optional.empty();
        }
        SasToken presented = parsed.get();
        String tokenId = presented.keyName().get();
        String presentedHash = hash(presented.signature());
        Instant now = clock.instant();
        long rolesVersion = roles.version();
        Optional<Principal> remembered = verified.find(tokenId, presentedHash, now, rolesVersion);
        if (remembered.isPresent()) {
            return remembered;
        }
        long generation = verified.generation();
        Optional<ApiToken> stored = tokens.find(tokenId);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        ApiToken token = stored.get();
        boolean matches = MessageDigest.isEqual(token.secretHash().getBytes(StandardCharsets.US_ASCII),
                presentedHash.getBytes(StandardCharsets.US_ASCII));
        if (!matches || !token.expiry().isAfter(now)) {
            return Optional.empty();
        }
        Principal principal = roles.principal(token.id(), Principal.Kind.API_TOKEN, token.roles());
        verified.put(presentedHash, principal, token.expiry(), rolesVersion, now, generation);
        return Optional.of(principal);
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
