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
 * telemetry ({@code /devices/{id}/messages/events}, device to cloud), its cloud-to-device queue
 * ({@code /devices/{id}/messages/deviceBound}), its direct methods
 * ({@code /devices/{id}/methods/deviceBound}: requests out, responses in, one link each way) or its
 * twin ({@code /devices/{id}/twin}: requests in, responses and desired patches out); case-insensitive
 * as IoT Hub's.
 */
sealed interface AmqpAddress {
    String CBS = "$cbs";
    Pattern DEVICE_NODE = Pattern.compile("/devices/([^/]+)/(messages/events|messages/devicebound|methods/devicebound|twin)/?",
            Pattern.CASE_INSENSITIVE);

    record Cbs() implements AmqpAddress {
    }

    record Telemetry(DeviceId device) implements AmqpAddress {
    }

    record CloudToDevice(DeviceId device) implements AmqpAddress {
    }

    record Methods(DeviceId device) implements AmqpAddress {
    }

    record Twin(DeviceId device) implements AmqpAddress {
    }

    /** The device a node belongs to; empty for {@value #CBS}. */
    default Optional<DeviceId> owner() {
        return switch (this) {
            case Cbs c -> Optional.empty();
            case Telemetry t -> Optional.of(t.device());
            case CloudToDevice c -> Optional.of(c.device());
            case Methods m -> Optional.of(m.device());
            case Twin t -> Optional.of(t.device());
        };
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
        return device.map(id -> switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
            case "messages/events" -> new Telemetry(id);
            case "messages/devicebound" -> new CloudToDevice(id);
            case "methods/devicebound" -> new Methods(id);
            default -> new Twin(id);
        });
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
