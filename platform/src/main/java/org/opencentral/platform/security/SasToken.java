package org.opencentral.platform.security;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A shared access signature: {@code SharedAccessSignature sr=…&sig=…&se=…[&skn=…]}, fields in any
 * order. {@code resource} is the literal {@code sr} text (it is what the SDKs sign);
 * {@code signature} is URL-decoded base64.
 */
public record SasToken(String resource, String signature, long expiry, Optional<String> keyName) {
    private static final String PREFIX = "SharedAccessSignature ";

    /** Parses a token; empty when it is not of this form (including a resource or signature with a broken %-escape). */
    public static Optional<SasToken> parse(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Map<String, String> fields = new HashMap<>();
        for (String pair : text.substring(PREFIX.length()).trim().split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || fields.putIfAbsent(pair.substring(0, eq), pair.substring(eq + 1)) != null) {
                return Optional.empty();
            }
        }
        String sr = fields.get("sr");
        String sig = fields.get("sig");
        String se = fields.get("se");
        if (sr == null || sig == null || se == null || sr.isEmpty() || sig.isEmpty()) {
            return Optional.empty();
        }
        try {
            long expiry = Long.parseLong(se);
            URLDecoder.decode(sr, StandardCharsets.UTF_8); // a resource that does not decode is not a token's
            String skn = fields.get("skn");
            return Optional.of(new SasToken(sr, URLDecoder.decode(sig, StandardCharsets.UTF_8), expiry,
                    skn == null || skn.isEmpty() ? Optional.empty() : Optional.of(skn)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether {@code signature} is the HMAC-SHA256 of {@code resource + "\n" + expiry} under the
     * base64 key. The SDKs differ in how they encode {@code sr} (Node signs it URL-encoded, Java with
     * only path segments encoded), so the literal, decoded and fully encoded forms are all accepted.
     */
    public boolean isSignedWith(String base64Key) {
        byte[] expected;
        try {
            expected = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String decoded = URLDecoder.decode(resource, StandardCharsets.UTF_8);
        for (String candidate : new String[] {resource, decoded, urlEncode(decoded)}) {
            if (MessageDigest.isEqual(expected, hmac(base64Key, candidate + "\n" + expiry))) {
                return true;
            }
        }
        return false;
    }

    /** The resource with URL-encoding removed, lower-cased host part kept as sent. */
    public String decodedResource() {
        return URLDecoder.decode(resource, StandardCharsets.UTF_8);
    }

    /** Creates a token the way the Java device SDK does (used by tests and the load generator). */
    public static String sign(String resource, String base64Key, long expiryEpochSeconds) {
        String signature = Base64.getEncoder().encodeToString(hmac(base64Key, resource + "\n" + expiryEpochSeconds));
        return PREFIX + "sr=" + resource + "&sig=" + urlEncode(signature) + "&se=" + expiryEpochSeconds;
    }

    static byte[] hmac(String base64Key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(base64Key), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String urlEncode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "SasToken[sr=" + resource + ", se=" + expiry + "]";
    }
}
