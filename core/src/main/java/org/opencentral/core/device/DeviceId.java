package org.opencentral.core.device;

import java.util.regex.Pattern;
import org.opencentral.core.DomainException;

/**
 * A device id under IoT Hub's rules: 1 to 128 characters, ASCII letters and digits and
 * {@code - . % _ * ? ! ( ) , : = @ $ '}. Case-sensitive.
 */
public record DeviceId(String value) implements Comparable<DeviceId> {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9\\-.%_*?!(),:=@$']{1,128}");

    public DeviceId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw DomainException.badRequest("invalid device id '" + value
                    + "': use 1 to 128 ASCII letters, digits or - . % _ * ? ! ( ) , : = @ $ '");
        }
    }

    public static DeviceId of(String value) {
        return new DeviceId(value);
    }

    @Override
    public int compareTo(DeviceId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
