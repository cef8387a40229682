package org.opencentral.platform.rules.action;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.opencentral.core.Json;
import org.opencentral.core.rule.ActionTask;
import org.opencentral.core.rule.RuleAction;
import org.opencentral.platform.security.WebhookSignature;

/**
 * POSTs a queued action's payload to its webhook: JSON, the action's own headers, the task's key as
 * {@value #IDEMPOTENCY_KEY} (the same on every retry, so a receiver can drop duplicates) and, with a
 * secret, the {@link WebhookSignature} header.
 * A 2xx is sent; a timeout, an I/O error, 408, 429 or 5xx is worth retrying; any other answer fails.
 */
public final class WebhookClient {
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final HttpClient http;
    private final Duration timeout;

    public WebhookClient(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Delivery post(RuleAction.Webhook webhook, ActionTask task) {
        byte[] body = Json.write(task.payload()).getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(webhook.url()).timeout(timeout)
                .header("Content-Type", "application/json").header(IDEMPOTENCY_KEY, task.key())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        webhook.headers().forEach(request::header);
        webhook.secret().ifPresent(secret -> request.header(WebhookSignature.HEADER,
                WebhookSignature.of(secret, body)));
        try {
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                return new Delivery.Sent();
            }
            String error = "the webhook answered " + status;
            return status == 408 || status == 429 || status >= 500 ? new Delivery.Retry(error)
                    : new Delivery.Failed(error);
        } catch (HttpTimeoutException e) {
            return new Delivery.Retry("the webhook did not answer within " + timeout);
        } catch (IOException e) {
            return new Delivery.Retry("the webhook could not be reached: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery.Retry("interrupted");
        }
    }
}
