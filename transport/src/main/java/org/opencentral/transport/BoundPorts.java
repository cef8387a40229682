package org.opencentral.transport;

import java.util.OptionalInt;

/** The ports the listeners actually bound (empty when a listener is not configured). */
public record BoundPorts(OptionalInt mqtts, OptionalInt mqtt, OptionalInt websocket) {
}
