package org.opencentral.core.device;

import java.util.Objects;

/**
 * What a SAS check needs of a device's record: its keys and whether it is enabled. Read at every
 * CONNECT instead of the whole record ({@link org.opencentral.core.store.DeviceStore#credentials}).
 */
public record SasCredentials(SymmetricKeys keys, boolean enabled) {
    public SasCredentials {
        Objects.requireNonNull(keys, "keys");
    }
}
