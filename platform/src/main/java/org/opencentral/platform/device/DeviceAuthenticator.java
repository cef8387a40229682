package org.opencentral.platform.device;

import java.time.Clock;
import java.util.Optional;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.device.SasCredentials;
import org.opencentral.core.store.DeviceStore;
import org.opencentral.platform.device.DeviceAuthentication.Accepted;
import org.opencentral.platform.device.DeviceAuthentication.Reason;
import org.opencentral.platform.device.DeviceAuthentication.Refused;
import org.opencentral.platform.security.SasToken;

/**
 * Verifies a device's SAS token (IoT Hub reference §1.3): the resource must name this device
 * ({@code {host}/devices/{id}}, any host), the signature must match its primary or secondary key,
 * and the expiry must lie in the future. Blocking (reads the device's keys and enabled flag from the
 * store at every call, so a disabled device or a rotated key is refused at once): call it off event loops.
 */
public final class DeviceAuthenticator {
    private final DeviceStore devices;
    private final Clock clock;

    public DeviceAuthenticator(DeviceStore devices, Clock clock) {
        this.devices = devices;
        this.clock = clock;
    }

    public DeviceAuthentication authenticate(DeviceId id, String password) {
        Optional<SasToken> parsed = SasToken.parse(password);
        if (parsed.isEmpty()) {
            return new Refused(Reason.BAD_CREDENTIALS, "password is not a SAS token");
        }
        SasToken token = parsed.get();
        if (!namesDevice(token.decodedResource(), id)) {
            return new Refused(Reason.BAD_CREDENTIALS, "token resource does not name this device");
        }
        Optional<SasCredentials> found = devices.credentials(id);
        if (found.isEmpty()) {
            return new Refused(Reason.UNKNOWN_DEVICE, "no such device");
        }
        SasCredentials credentials = found.get();
        if (!token.isSignedWith(credentials.keys().primaryKey())
                && !token.isSignedWith(credentials.keys().secondaryKey())) {
            return new Refused(Reason.BAD_CREDENTIALS, "signature does not match the device keys");
        }
        if (token.expiry() <= clock.instant().getEpochSecond()) {
            return new Refused(Reason.EXPIRED, "token expired at " + token.expiry());
        }
        if (!credentials.enabled()) {
            return new Refused(Reason.DISABLED, "device is disabled");
        }
        return new Accepted(id);
    }

    private static boolean namesDevice(String resource, DeviceId id) {
        int devices = resource.indexOf("/devices/");
        if (devices <= 0) {
            return false;
        }
        String rest = resource.substring(devices + "/devices/".length());
        return rest.equals(id.value()) || rest.equals(id.value() + "/");
    }
}
