package org.opencentral.transport.internal.metrics;

/** Kinds of MQTT messages counted in and out (the {@code kind} tag). */
public enum MessageKind {
    TELEMETRY, TWIN_GET, TWIN_PATCH, TWIN_RESPONSE, DESIRED_PATCH, METHOD_REQUEST, METHOD_RESPONSE, C2D,
    SUBSCRIBE, UNSUBSCRIBE, PING;

    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
