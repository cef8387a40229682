package org.opencentral.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How OpenCentral signs the webhooks it calls (rule actions and data export): the header
 * {@value #HEADER} is {@code sha256=} and the hex HMAC-SHA256 of the exact body bytes under the
 * webhook's secret, so a receiver that knows the secret can check that a request came from us.
 */
public final class WebhookSignature {
    public static final String HEADER = "X-OpenCentral-Signature";

    private WebhookSignature() {
    }

    /** The {@value #HEADER} value of {@code body} under {@code secret}. */
    public static String of(String secret, byte[] body) {
        return "sha256=" + hex(secret, body);
    }

    /** The hex HMAC-SHA256 of {@code body} under {@code secret}. */
    public static String hex(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
