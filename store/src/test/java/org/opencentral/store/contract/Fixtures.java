package org.opencentral.store.contract;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.device.SymmetricKeys;
import org.opencentral.core.security.RoleAssignment;

/** Test data and assertions shared by the contract suites. Instants are whole milliseconds. */
public final class Fixtures {
    public static final Instant T0 = Instant.parse("2026-11-26T10:00:00.123Z");
    public static final SymmetricKeys KEYS = new SymmetricKeys("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
            "Hx4dHBsaGRgXFhUUExIREA8ODQwLCgkIBwYFBAMCAQA=");
    public static final List<RoleAssignment> ROLES = List.of(RoleAssignment.of("ca310b8d-2f4a-44e0-a36e-957c202cd8d4"),
            new RoleAssignment("ae2c9854-393b-4f97-8c42-479d70ce626e", Optional.of("org-west")));

    private Fixtures() {
    }

    public static DeviceId id(String value) {
        return DeviceId.of(value);
    }

    public static Device device(String id) {
        return Device.builder(DeviceId.of(id)).displayName("Device " + id).template("dtmi:com:example:Thermostat;1")
                .etag("etag-" + id).keys(KEYS).createdAt(T0).build();
    }

    public static void assertFails(ErrorCode code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(code));
    }
}
