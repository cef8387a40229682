package org.opencentral.platform.device;

import org.opencentral.core.device.DeviceId;

/** The outcome of authenticating a connecting device. */
public sealed interface DeviceAuthentication {
    /** The credentials are valid and the device may connect. */
    record Accepted(DeviceId device) implements DeviceAuthentication {
    }

    /** The device may not connect, for {@code reason}; {@code detail} is for the log only. */
    record Refused(Reason reason, String detail) implements DeviceAuthentication {
    }

    enum Reason {
        /** Missing, malformed, wrongly signed token, or a token for another device or host. */
        BAD_CREDENTIALS,
        /** The token's expiry has passed. */
        EXPIRED,
        /** No device has this id. */
        UNKNOWN_DEVICE,
        /** The device exists but is disabled (blocked). */
        DISABLED
    }
}
