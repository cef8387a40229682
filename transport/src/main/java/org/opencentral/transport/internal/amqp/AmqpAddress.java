package org.opencentral.transport.internal.amqp;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencentral.core.device.DeviceId;

/**
 * The node a device link attaches to: the claims-based-security node {@value #CBS}, a device's
 * telemetry ({@code /devices/{id}/messages/events}, device to cloud) or its cloud-to-device queue
 * ({@code /devices/{id}/messages/deviceBound}, case-insensitive as IoT Hub's).
 */
sealed interface AmqpAddress {
    String CBS = "$cbs";
    Pattern DEVICE_NODE = Pattern.compile("/devices/([^/]+)/messages/(events|devicebound)/?",
            Pattern.CASE_INSENSITIVE);

    record Cbs() implements AmqpAddress {
    }

    record Telemetry(DeviceId device) implements AmqpAddress {
    }

    record CloudToDevice(DeviceId device) implements AmqpAddress {
    }

    /** The node an address names, empty when it names none this endpoint serves. */
    static Optional<AmqpAddress> parse(String address) {
        if (address == null) {
            return Optional.empty();
        }
        if (address.equals(CBS)) {
            return Optional.of(new Cbs());
        }
        Matcher matcher = DEVICE_NODE.matcher(address);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Optional<DeviceId> device = deviceId(matcher.group(1));
        return device.map(id -> matcher.group(2).toLowerCase(Locale.ROOT).equals("events") ? new Telemetry(id) : new CloudToDevice(id));
    }

    /** The device a CBS audience ({@code {host}/devices/{id}}) names. */
    static Optional<DeviceId> audienceDevice(String audience) {
        int at = audience == null ? -1 : audience.indexOf("/devices/");
        if (at < 0) {
            return Optional.empty();
        }
        String rest = audience.substring(at + "/devices/".length());
        return deviceId(rest.indexOf('/') < 0 ? rest : rest.substring(0, rest.indexOf('/')));
    }

    private static Optional<DeviceId> deviceId(String encoded) {
        try {
            return Optional.of(DeviceId.of(URLDecoder.decode(encoded, StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
