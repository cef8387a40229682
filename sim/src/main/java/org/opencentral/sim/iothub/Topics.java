package org.opencentral.sim.iothub;

import java.util.Optional;

/** IoT Hub topic names and the parsing of the few the load generator receives. */
public final class Topics {
    public static final String METHODS_SUBSCRIPTION = "$iothub/methods/POST/#";
    public static final String TWIN_RESPONSES_SUBSCRIPTION = "$iothub/twin/res/#";
    private static final String METHOD_PREFIX = "$iothub/methods/POST/";
    private static final String TWIN_RESPONSE_PREFIX = "$iothub/twin/res/";

    private Topics() {
    }

    /** A topic pattern with {@code {id}} replaced, e.g. {@code devices/{id}/messages/events/}. */
    public static String expand(String pattern, String deviceId) {
        return pattern.replace("{id}", deviceId);
    }

    public static String telemetry(String deviceId) {
        return "devices/" + deviceId + "/messages/events/";
    }

    public static String methodResponse(int status, String rid) {
        return "$iothub/methods/res/" + status + "/?$rid=" + rid;
    }

    public static String reportedPatch(long rid) {
        return "$iothub/twin/PATCH/properties/reported/?$rid=" + rid;
    }

    /** The method name and {@code $rid} of {@code $iothub/methods/POST/{name}/?$rid={rid}}. */
    public static Optional<MethodRequest> methodRequest(String topic) {
        if (!topic.startsWith(METHOD_PREFIX)) {
            return Optional.empty();
        }
        int slash = topic.indexOf("/?", METHOD_PREFIX.length());
        Optional<String> rid = queryParameter(topic, "$rid");
        if (slash < 0 || rid.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MethodRequest(topic.substring(METHOD_PREFIX.length(), slash), rid.get()));
    }

    /** The status and {@code $rid} of {@code $iothub/twin/res/{status}/?$rid={rid}[&$version=v]}. */
    public static Optional<TwinResponse> twinResponse(String topic) {
        if (!topic.startsWith(TWIN_RESPONSE_PREFIX)) {
            return Optional.empty();
        }
        int slash = topic.indexOf('/', TWIN_RESPONSE_PREFIX.length());
        Optional<String> rid = queryParameter(topic, "$rid");
        if (slash < 0 || rid.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TwinResponse(Integer.parseInt(topic.substring(TWIN_RESPONSE_PREFIX.length(), slash)),
                    Long.parseLong(rid.get())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<String> queryParameter(String topic, String name) {
        int query = topic.indexOf('?');
        if (query < 0) {
            return Optional.empty();
        }
        for (String pair : topic.substring(query + 1).split("&")) {
            if (pair.startsWith(name + "=")) {
                return Optional.of(pair.substring(name.length() + 1));
            }
        }
        return Optional.empty();
    }

    /** A direct method request as received by the device. */
    public record MethodRequest(String name, String rid) {
    }

    /** A twin response: its status and the numeric {@code $rid} the load generator sent. */
    public record TwinResponse(int status, long rid) {
    }
}
