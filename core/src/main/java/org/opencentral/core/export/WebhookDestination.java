package org.opencentral.core.export;

import java.net.URI;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.opencentral.core.DomainException;

/**
 * {@code webhook@v1}: an HTTP(S) endpoint with query and header customizations and optional
 * authorization; with a {@code signingSecret} (OpenCentral's extension, a write-only secret of 16 to
 * 256 characters) every request is signed with HMAC-SHA256 of its body. {@code batchSize}
 * (OpenCentral's extension, 1 to {@value #MAX_BATCH}) is how many messages one request carries: 1
 * (the default) POSTs each message as one JSON object, as IoT Central does; more POSTs a JSON array
 * of up to that many messages, for receivers that accept it.
 */
public record WebhookDestination(String id, String displayName, URI url, Map<String, Customization> query,
        Map<String, Customization> headers, Optional<WebhookAuthorization> authorization,
        Optional<String> signingSecret, int batchSize) implements Destination {
    public static final String TYPE = "webhook@v1";
    public static final int MAX_BATCH = 1000;

    public WebhookDestination {
        ExportIds.check("destination", id);
        ExportIds.displayName("destination", displayName);
        Objects.requireNonNull(url, "url");
        checkHttp("url", url);
        query = Collections.unmodifiableMap(new TreeMap<>(query));
        headers = Collections.unmodifiableMap(new TreeMap<>(headers));
        Objects.requireNonNull(authorization, "authorization");
        Objects.requireNonNull(signingSecret, "signingSecret");
        signingSecret.filter(secret -> secret.length() < 16 || secret.length() > 256).ifPresent(secret -> {
            throw DomainException.badRequest("a webhook's 'signingSecret' is 16 to 256 characters");
        });
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw DomainException.badRequest("a webhook's 'batchSize' is 1 to " + MAX_BATCH + ", not " + batchSize);
        }
        headers.keySet().forEach(name -> {
            if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                throw DomainException.badRequest("'" + name + "' is not a valid header name");
            }
            if (name.equalsIgnoreCase("Authorization") && authorization.isPresent()) {
                throw DomainException.badRequest("an Authorization header customization conflicts with the "
                        + "destination's authorization");
            }
        });
    }

    /** A webhook that sends one message per request. */
    public WebhookDestination(String id, String displayName, URI url, Map<String, Customization> query,
            Map<String, Customization> headers, Optional<WebhookAuthorization> authorization,
            Optional<String> signingSecret) {
        this(id, displayName, url, query, headers, authorization, signingSecret, 1);
    }

    /** The same webhook without a signing secret, one message per request. */
    public WebhookDestination(String id, String displayName, URI url, Map<String, Customization> query,
            Map<String, Customization> headers, Optional<WebhookAuthorization> authorization) {
        this(id, displayName, url, query, headers, authorization, Optional.empty(), 1);
    }

    /** Whether requests carry a JSON array of messages rather than one message. */
    public boolean batched() {
        return batchSize > 1;
    }

    @Override
    public String type() {
        return TYPE;
    }

    static void checkHttp(String member, URI uri) {
        String scheme = uri.getScheme();
        if (!uri.isAbsolute() || uri.getHost() == null
                || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw DomainException.badRequest("'" + member + "' must be an absolute http or https URL");
        }
    }
}
