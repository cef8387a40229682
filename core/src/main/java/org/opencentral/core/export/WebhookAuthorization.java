package org.opencentral.core.export;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.opencentral.core.DomainException;

/** How a webhook authenticates: a fixed Authorization header, or OAuth 2.0 client credentials. */
public sealed interface WebhookAuthorization {
    /** The {@code Authorization} header's value (a secret). */
    record Header(String value) implements WebhookAuthorization {
        public Header {
            if (value == null || value.isBlank()) {
                throw DomainException.badRequest("header authorization needs a 'value'");
            }
        }
    }

    /** Client credentials fetched from {@code tokenUrl}; {@code clientSecret} is a secret. */
    record OAuth(URI tokenUrl, String clientId, String clientSecret, Optional<String> audience,
            Optional<String> scope, Optional<String> requestType) implements WebhookAuthorization {
        public OAuth {
            Objects.requireNonNull(tokenUrl, "tokenUrl");
            WebhookDestination.checkHttp("tokenUrl", tokenUrl);
            if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
                throw DomainException.badRequest("oauth authorization needs 'clientId' and 'clientSecret'");
            }
            Objects.requireNonNull(audience, "audience");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(requestType, "requestType");
            requestType.filter(t -> !t.equals("auto") && !t.equals("json") && !t.equals("urlencoded"))
                    .ifPresent(t -> {
                        throw DomainException.badRequest("oauth 'requestType' must be auto, json or urlencoded, not '"
                                + t + "'");
                    });
        }
    }
}
