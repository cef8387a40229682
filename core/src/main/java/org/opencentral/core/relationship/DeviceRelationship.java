package org.opencentral.core.relationship;

import java.util.Objects;
import java.util.regex.Pattern;
import org.opencentral.core.device.DeviceId;

/**
 * A link from an upstream (source, e.g. a gateway) device to a downstream (target) device, named by
 * an id unique among the source's relationships. Ids are 1..128 characters of letters, digits and
 * {@code - . _ :}; a device cannot relate to itself.
 */
public record DeviceRelationship(String id, DeviceId source, DeviceId target) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    public DeviceRelationship {
        requireId(id);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        if (source.equals(target)) {
            throw new IllegalArgumentException("a device cannot have a relationship with itself");
        }
    }

    /** Whether {@code id} is a valid relationship id. */
    public static boolean validId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    private static void requireId(String id) {
        if (!validId(id)) {
            throw new IllegalArgumentException("relationship id must be 1..128 letters, digits, '-', '.', '_' or ':'");
        }
    }
}
