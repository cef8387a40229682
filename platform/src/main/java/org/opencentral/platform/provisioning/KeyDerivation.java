package org.opencentral.platform.provisioning;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.opencentral.core.device.SymmetricKeys;

/** Group enrollment keys: {@code deviceKey = Base64(HMAC-SHA256(Base64Decode(groupKey), registrationId))}. */
public final class KeyDerivation {
    private KeyDerivation() {
    }

    public static String deviceKey(String groupKey, String registrationId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(groupKey), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(registrationId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The device's primary and secondary keys derived from the group's. */
    public static SymmetricKeys deviceKeys(SymmetricKeys groupKeys, String registrationId) {
        return new SymmetricKeys(deviceKey(groupKeys.primaryKey(), registrationId),
                deviceKey(groupKeys.secondaryKey(), registrationId));
    }
}
