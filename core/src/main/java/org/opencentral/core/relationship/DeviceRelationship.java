package org.opencentral.core.relationship;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.opencentral.core.device.DeviceId;

/**
 * A link from an upstream (source, e.g. a gateway) device to a downstream (target) device, named by
 * an id unique among the source's relationships. Ids are 1..128 characters of letters, digits and
 * {@code - . _ :}; a device cannot relate to itself. {@code name} is the DTDL Relationship of the
 * source's model this link instantiates (a DTDL name: a letter, then letters, digits or {@code _}).
 */
public record DeviceRelationship(String id, DeviceId source, DeviceId target, Optional<String> name) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z](?:[A-Za-z0-9_]{0,510}[A-Za-z0-9])?");

    public DeviceRelationship {
        requireId(id);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(name, "name");
        if (source.equals(target)) {
            throw new IllegalArgumentException("a device cannot have a relationship with itself");
        }
        name.filter(n -> !validName(n)).ifPresent(n -> {
            throw new IllegalArgumentException("relationship name must be a DTDL name");
        });
    }

    /** A relationship without a name. */
    public DeviceRelationship(String id, DeviceId source, DeviceId target) {
        this(id, source, target, Optional.empty());
    }

    /** Whether {@code id} is a valid relationship id. */
    public static boolean validId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** Whether {@code name} is a valid DTDL name (1..512 letters, digits and '_', starting with a letter). */
    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    private static void requireId(String id) {
        if (!validId(id)) {
            throw new IllegalArgumentException("relationship id must be 1..128 letters, digits, '-', '.', '_' or ':'");
        }
    }
}
