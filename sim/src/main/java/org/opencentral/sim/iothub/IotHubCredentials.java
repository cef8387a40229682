package org.opencentral.sim.iothub;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * CONNECT credentials of an IoT Hub device, built the way the Java device SDK builds them.
 *
 * @param hubHost the host name the device believes it talks to (put in the username and the SAS resource)
 */
public record IotHubCredentials(String hubHost) {
    public static final String API_VERSION = "2021-04-12";

    public IotHubCredentials {
        if (hubHost == null || hubHost.isBlank()) {
            throw new IllegalArgumentException("hubHost must not be blank");
        }
    }

    /** {@code {host}/{deviceId}/?api-version=2021-04-12}. */
    public String username(String deviceId) {
        return hubHost + "/" + deviceId + "/?api-version=" + API_VERSION;
    }

    /** The SAS resource URI: {@code {host}/devices/{urlenc(deviceId)}}. */
    public String resource(String deviceId) {
        return hubHost + "/devices/" + urlEncode(deviceId);
    }

    /** {@code SharedAccessSignature sr=…&sig=…&se=…} signed with the device's base64 key. */
    public String password(String deviceId, String base64Key, long expiryEpochSeconds) {
        String resource = resource(deviceId);
        byte[] signature = hmacSha256(Base64.getDecoder().decode(base64Key), resource + "\n" + expiryEpochSeconds);
        return "SharedAccessSignature sr=" + resource + "&sig=" + urlEncode(Base64.getEncoder().encodeToString(signature))
                + "&se=" + expiryEpochSeconds;
    }

    static byte[] hmacSha256(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String urlEncode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
