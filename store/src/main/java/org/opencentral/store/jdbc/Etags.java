package org.opencentral.store.jdbc;

import java.util.Base64;
import java.util.UUID;

/** Fresh opaque etags for registry records. */
final class Etags {
    private Etags() {
    }

    static String fresh() {
        UUID uuid = UUID.randomUUID();
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (uuid.getMostSignificantBits() >>> (56 - 8 * i));
            bytes[8 + i] = (byte) (uuid.getLeastSignificantBits() >>> (56 - 8 * i));
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
