package org.opencentral.platform.provisioning;

import java.util.Objects;
import java.util.Optional;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.SymmetricKeys;
import org.opencentral.core.provisioning.EnrollmentGroup;

/** The outcome of checking a registering device's credential. {@code detail} is for the log only. */
public sealed interface Attested {
    /** An individual enrollment: the device's own keys or certificate. */
    record Individual(Device device) implements Attested {
        public Individual {
            Objects.requireNonNull(device, "device");
        }
    }

    /** A group enrollment; {@code deviceKeys} are the keys derived for a symmetric-key group. */
    record Group(EnrollmentGroup group, Optional<SymmetricKeys> deviceKeys) implements Attested {
        public Group {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(deviceKeys, "deviceKeys");
        }
    }

    record Rejected(String detail) implements Attested {
        public Rejected {
            Objects.requireNonNull(detail, "detail");
        }
    }
}
