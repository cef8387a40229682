package org.opencentral.transport;

import java.util.OptionalInt;

/** The ports the listeners actually bound (empty when a listener is not configured). */
public record BoundPorts(OptionalInt mqtts, OptionalInt mqtt, OptionalInt websocket, OptionalInt amqps) {
    /** The MQTT listeners only (no AMQPS). */
    public BoundPorts(OptionalInt mqtts, OptionalInt mqtt, OptionalInt websocket) {
        this(mqtts, mqtt, websocket, OptionalInt.empty());
    }
}
