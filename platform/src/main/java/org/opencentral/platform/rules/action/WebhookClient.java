package org.opencentral.platform.rules.action;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.opencentral.core.Json;
import org.opencentral.core.rule.ActionTask;
import org.opencentral.core.rule.RuleAction;

/**
 * POSTs a queued action's payload to its webhook: JSON, the action's own headers, the task's key as
 * {@value #IDEMPOTENCY_KEY} (the same on every retry, so a receiver can drop duplicates) and, with a
 * secret, {@value #SIGNATURE}: {@code sha256=} and the hex HMAC-SHA256 of the body under the secret.
 * A 2xx is sent; a timeout, an I/O error, 408, 429 or 5xx is worth retrying; any other answer fails.
 */
public final class WebhookClient {
    public static final String SIGNATURE = "X-OpenCentral-Signature";
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
        webhook.secret().ifPresent(secret -> request.header(SIGNATURE, "sha256=" + sign(secret, body)));
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

    /** The hex HMAC-SHA256 of {@code body} under {@code secret}. */
    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
