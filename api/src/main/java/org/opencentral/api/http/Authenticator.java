package org.opencentral.api.http;

import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.platform.security.ApiTokenService;
import org.opencentral.platform.security.Principal;

/** Turns the {@code Authorization} header into a {@link Principal}; 401 for anything else. */
public final class Authenticator {
    private final ApiTokenService tokens;

    public Authenticator(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    public Principal authenticate(Optional<String> authorization) {
        if (authorization.isEmpty()) {
            throw unauthorized("the Authorization header is missing; send an API token "
                    + "(SharedAccessSignature sr=…&sig=…&skn=…&se=…)");
        }
        return tokens.authenticate(authorization.get().trim())
                .orElseThrow(() -> unauthorized("the API token is invalid, expired or revoked"));
    }

    private static DomainException unauthorized(String message) {
        return new DomainException(ErrorCode.UNAUTHORIZED, message);
    }
}
