package org.opencentral.platform.export.delivery;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.opencentral.core.export.Customization;
import org.opencentral.core.export.WebhookAuthorization;
import org.opencentral.core.export.WebhookDestination;
import org.opencentral.platform.security.WebhookSignature;

/**
 * {@code webhook@v1}: each message is POSTed as one JSON object (as IoT Central does), or with a
 * {@code batchSize} above 1 up to that many messages as one JSON array, to the URL with
 * the query customizations appended and the header customizations and header authorization set, and
 * with a signing secret the {@link WebhookSignature} header over the exact body bytes. Any
 * 2xx answer accepts the request's messages; anything else, a timeout or a refused connection is a
 * {@link DeliveryFailure} naming the status or cause. OAuth client-credentials authorization is
 * stored but not delivered yet: every send fails saying so, which puts the destination in error.
 */
public final class WebhookSender implements Sender {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final WebhookDestination destination;
    private final URI target;

    public WebhookSender(HttpClient client, WebhookDestination destination) {
        this.client = Objects.requireNonNull(client, "client");
        this.destination = Objects.requireNonNull(destination, "destination");
        this.target = withQuery(destination.url(), destination.query());
    }

    /** A client for webhooks: HTTP/1.1, 10 s to connect, redirects not followed. */
    public static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public int perRequest() {
        return destination.batchSize();
    }

    @Override
    public void send(List<byte[]> messages) throws DeliveryFailure {
        byte[] body = body(messages);
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        destination.headers().forEach((name, value) -> request.header(name, value.value()));
        destination.signingSecret().ifPresent(secret -> request.header(WebhookSignature.HEADER,
                WebhookSignature.of(secret, body)));
        if (destination.authorization().isPresent()) {
            switch (destination.authorization().get()) {
                case WebhookAuthorization.Header header -> request.header("Authorization", header.value());
                case WebhookAuthorization.OAuth oauth -> throw new DeliveryFailure(
                        "OAuth client-credentials authorization is not supported for delivery yet");
            }
        }
        HttpResponse<Void> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new DeliveryFailure("POST " + destination.url() + " failed: " + reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("interrupted while sending to " + destination.url());
        }
        if (response.statusCode() / 100 != 2) {
            throw new DeliveryFailure("POST " + destination.url() + " answered " + response.statusCode());
        }
    }

    /**
     * The exception's kind and the first message in its chain of causes; the HTTP client's {@code
     * ConnectException} (a refused or unreachable address) carries none, so it is said in words.
     */
    static String reason(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                return e.getClass().getSimpleName() + ": " + t.getMessage();
            }
        }
        return e instanceof ConnectException ? "cannot connect (ConnectException)" : e.getClass().getSimpleName();
    }

    /** One message as an object; a batched destination's messages as an array (of one too). */
    private byte[] body(List<byte[]> messages) {
        if (!destination.batched()) {
            return messages.getFirst();
        }
        int length = messages.size() + 1;
        for (byte[] message : messages) {
            length += message.length;
        }
        byte[] body = new byte[length];
        body[0] = '[';
        int at = 1;
        for (byte[] message : messages) {
            System.arraycopy(message, 0, body, at, message.length);
            at += message.length;
            body[at++] = ',';
        }
        body[length - 1] = ']';
        return body;
    }

    private static URI withQuery(URI url, Map<String, Customization> query) {
        if (query.isEmpty()) {
            return url;
        }
        String added = query.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue().value()))
                .collect(Collectors.joining("&"));
        String text = url.toString();
        return URI.create(text + (url.getRawQuery() == null ? "?" : "&") + added);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
