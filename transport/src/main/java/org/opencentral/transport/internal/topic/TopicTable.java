package org.opencentral.transport.internal.topic;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencentral.core.device.DeviceId;
import org.opencentral.platform.session.DeviceSession.Subscription;
import org.opencentral.transport.internal.topic.DeviceMessage.Forbidden;
import org.opencentral.transport.internal.topic.DeviceMessage.MethodResponse;
import org.opencentral.transport.internal.topic.DeviceMessage.ProvisioningRegister;
import org.opencentral.transport.internal.topic.DeviceMessage.ProvisioningStatus;
import org.opencentral.transport.internal.topic.DeviceMessage.ReportedPatch;
import org.opencentral.transport.internal.topic.DeviceMessage.Telemetry;
import org.opencentral.transport.internal.topic.DeviceMessage.TwinGet;

/**
 * The one routing table of the device topics: IoT Hub's (reference §1.4) and DPS's (§2.1), each
 * row tagged with the endpoint whose sessions may use it. What a device may publish to and what it
 * may subscribe to. A {@code device} group must name the connected device. Module
 * topics ({@code devices/{id}/modules/...}) are not supported yet and so are refused.
 */
public final class TopicTable {
    /** Which endpoint's sessions a row serves. */
    public enum Endpoint { HUB, DPS }

    private static final String TELEMETRY_PREFIX = "devices/";
    private static final String TELEMETRY_SUFFIX = "/messages/events";
    /** Telemetry without a property bag, as most devices send it: one answer for all of them. */
    private static final Telemetry WITHOUT_PROPERTIES = new Telemetry(PropertyBag.EMPTY);
    private static final List<Route> PUBLISH = List.of(
            new Route(Endpoint.HUB, "devices/(?<device>[^/]+)/messages/events(?:/(?<bag>.*))?", TopicTable::telemetry),
            new Route(Endpoint.HUB, "\\$iothub/twin/GET/\\?(?<query>.*)", m -> withRid(m, TwinGet::new)),
            new Route(Endpoint.HUB, "\\$iothub/twin/PATCH/properties/reported/\\?(?<query>.*)", TopicTable::reportedPatch),
            new Route(Endpoint.HUB, "\\$iothub/methods/res/(?<status>[0-9]{1,3})/\\?(?<query>.*)",
                    TopicTable::methodResponse),
            new Route(Endpoint.DPS, "\\$dps/registrations/PUT/iotdps-register/?\\?(?<query>.*)",
                    m -> withRid(m, ProvisioningRegister::new)),
            new Route(Endpoint.DPS, "\\$dps/registrations/GET/iotdps-get-operationstatus/?\\?(?<query>.*)",
                    TopicTable::operationStatus));

    private static final List<FilterRoute> SUBSCRIBE = List.of(
            new FilterRoute(Endpoint.HUB, "\\$iothub/twin/PATCH/properties/desired/#",
                    Optional.of(Subscription.DESIRED_PROPERTIES)),
            new FilterRoute(Endpoint.HUB, "\\$iothub/twin/res/#", Optional.of(Subscription.TWIN_RESPONSES)),
            new FilterRoute(Endpoint.HUB, "\\$iothub/methods/POST/#", Optional.of(Subscription.METHODS)),
            new FilterRoute(Endpoint.HUB, "devices/(?<device>[^/]+)/messages/devicebound/#",
                    Optional.of(Subscription.CLOUD_TO_DEVICE)),
            new FilterRoute(Endpoint.DPS, "\\$dps/registrations/res/#", Optional.empty()));

    private TopicTable() {
    }

    /** What a PUBLISH by {@code device} to {@code topic} means. */
    public static DeviceMessage route(DeviceId device, String topic) {
        return route(Endpoint.HUB, device, topic);
    }

    /** What a PUBLISH by the registering device {@code registration} means on the DPS endpoint. */
    public static DeviceMessage routeProvisioning(DeviceId registration, String topic) {
        return route(Endpoint.DPS, registration, topic);
    }

    /** Whether a DPS session may subscribe to {@code filter}. */
    public static boolean provisioningFilter(String filter) {
        return SUBSCRIBE.stream().anyMatch(r -> r.endpoint() == Endpoint.DPS && r.pattern().matcher(filter).matches());
    }

    private static DeviceMessage route(Endpoint endpoint, DeviceId device, String topic) {
        int bag = endpoint == Endpoint.HUB ? ownTelemetryBag(device.value(), topic) : -1;
        if (bag >= 0) {
            return telemetry(bag < topic.length() ? topic.substring(bag) : "");
        }
        for (Route route : PUBLISH) {
            if (route.endpoint() != endpoint) {
                continue;
            }
            Matcher matcher = route.pattern().matcher(topic);
            if (matcher.matches()) {
                return ownTopic(matcher, route.deviceScoped(), device) ? route.parse().apply(matcher)
                        : new Forbidden("topic of another device");
            }
        }
        return new Forbidden(topic.startsWith("devices/" + device.value() + "/modules/")
                ? "module topics are not supported" : "unknown topic");
    }

    /** The subscription a filter stands for, when it is one of {@code device}'s topics. */
    public static Optional<Subscription> subscription(DeviceId device, String filter) {
        for (FilterRoute route : SUBSCRIBE) {
            Matcher matcher = route.pattern().matcher(filter);
            if (route.endpoint() == Endpoint.HUB && matcher.matches()
                    && ownTopic(matcher, route.deviceScoped(), device)) {
                return route.subscription();
            }
        }
        return Optional.empty();
    }

    /** The topic filter a device subscribes to for cloud-to-device messages. */
    public static String cloudToDeviceTopic(DeviceId device, String encodedBag) {
        return "devices/" + device.value() + "/messages/devicebound/" + encodedBag;
    }

    /** {@code deviceScoped}: the pattern has a {@code device} group (found once per route, as
     *  {@code Pattern.namedGroups()} copies a map on every call: it did so for every PUBLISH). */
    private static boolean ownTopic(Matcher matcher, boolean deviceScoped, DeviceId device) {
        return !deviceScoped || matcher.group("device").equals(device.value());
    }

    private static boolean hasDeviceGroup(Pattern pattern) {
        return pattern.namedGroups().containsKey("device");
    }

    /**
     * Where the property bag starts when {@code topic} is the device's own telemetry topic, which the
     * first row matches (a device id holds no {@code /}); -1 otherwise, and for a bag with a line
     * terminator, which the row's {@code .*} does not match: those take the table. The telemetry of
     * the connected device is almost every PUBLISH, and this answers it without a regular expression.
     */
    static int ownTelemetryBag(String device, String topic) {
        int events = TELEMETRY_PREFIX.length() + device.length();
        int end = events + TELEMETRY_SUFFIX.length();
        if (!topic.startsWith(TELEMETRY_PREFIX) || !topic.startsWith(device, TELEMETRY_PREFIX.length())
                || !topic.startsWith(TELEMETRY_SUFFIX, events)) {
            return -1;
        }
        if (topic.length() == end) {
            return end;
        }
        if (topic.charAt(end) != '/') {
            return -1;
        }
        for (int i = end + 1; i < topic.length(); i++) {
            char c = topic.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return -1;
            }
        }
        return end + 1;
    }

    private static DeviceMessage telemetry(Matcher matcher) {
        return telemetry(Optional.ofNullable(matcher.group("bag")).orElse(""));
    }

    private static DeviceMessage telemetry(String encodedBag) {
        String bag = encodedBag;
        if (bag.endsWith("/")) {
            bag = bag.substring(0, bag.length() - 1);
        }
        if (bag.isEmpty()) {
            return WITHOUT_PROPERTIES;
        }
        return switch (PropertyBagCodec.decode(bag)) {
            case Decoded.Ok<PropertyBag> ok -> new Telemetry(ok.value());
            case Decoded.Failed<PropertyBag> failed -> new Forbidden("malformed property bag: " + failed.reason());
        };
    }

    private static DeviceMessage reportedPatch(Matcher matcher) {
        return withQuery(matcher, query -> {
            String version = query.get("$version");
            if (version == null) {
                return withRid(query, rid -> new ReportedPatch(rid, OptionalLong.empty()));
            }
            try {
                long base = Long.parseLong(version);
                return withRid(query, rid -> new ReportedPatch(rid, OptionalLong.of(base)));
            } catch (NumberFormatException e) {
                return new Forbidden("$version is not a number");
            }
        });
    }

    private static DeviceMessage operationStatus(Matcher matcher) {
        return withQuery(matcher, query -> {
            String operationId = query.get("operationId");
            return operationId == null || operationId.isEmpty() ? new Forbidden("missing operationId")
                    : withRid(query, rid -> new ProvisioningStatus(rid, operationId));
        });
    }

    private static DeviceMessage methodResponse(Matcher matcher) {
        int status = Integer.parseInt(matcher.group("status"));
        return withRid(matcher, rid -> new MethodResponse(rid, status));
    }

    private static DeviceMessage withRid(Matcher matcher, Function<String, DeviceMessage> build) {
        return withQuery(matcher, query -> withRid(query, build));
    }

    private static DeviceMessage withRid(Map<String, String> query, Function<String, DeviceMessage> build) {
        String rid = query.get("$rid");
        return rid == null || rid.isEmpty() ? new Forbidden("missing $rid") : build.apply(rid);
    }

    private static DeviceMessage withQuery(Matcher matcher, Function<Map<String, String>, DeviceMessage> build) {
        return switch (PropertyBagCodec.decodePairs(matcher.group("query"))) {
            case Decoded.Ok<Map<String, String>> ok -> build.apply(ok.value());
            case Decoded.Failed<Map<String, String>> failed -> new Forbidden("malformed query: " + failed.reason());
        };
    }

    private record Route(Endpoint endpoint, Pattern pattern, boolean deviceScoped,
                         Function<Matcher, DeviceMessage> parse) {
        Route(Endpoint endpoint, String regex, Function<Matcher, DeviceMessage> parse) {
            this(endpoint, Pattern.compile(regex), parse);
        }

        private Route(Endpoint endpoint, Pattern pattern, Function<Matcher, DeviceMessage> parse) {
            this(endpoint, pattern, hasDeviceGroup(pattern), parse);
        }
    }

    /** A filter a session may subscribe to; hub filters stand for a platform subscription. */
    private record FilterRoute(Endpoint endpoint, Pattern pattern, boolean deviceScoped,
                               Optional<Subscription> subscription) {
        FilterRoute(Endpoint endpoint, String regex, Optional<Subscription> subscription) {
            this(endpoint, Pattern.compile(regex), subscription);
        }

        private FilterRoute(Endpoint endpoint, Pattern pattern, Optional<Subscription> subscription) {
            this(endpoint, pattern, hasDeviceGroup(pattern), subscription);
        }
    }
}
