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
import org.opencentral.transport.internal.topic.DeviceMessage.ReportedPatch;
import org.opencentral.transport.internal.topic.DeviceMessage.Telemetry;
import org.opencentral.transport.internal.topic.DeviceMessage.TwinGet;

/**
 * The one routing table of the IoT Hub device topics (reference §1.4): what a device may publish
 * to and what it may subscribe to. A {@code device} group must name the connected device. Module
 * topics ({@code devices/{id}/modules/...}) are not supported yet and so are refused.
 */
public final class TopicTable {
    private static final List<Route> PUBLISH = List.of(
            new Route("devices/(?<device>[^/]+)/messages/events(?:/(?<bag>.*))?", TopicTable::telemetry),
            new Route("\\$iothub/twin/GET/\\?(?<query>.*)", m -> withRid(m, TwinGet::new)),
            new Route("\\$iothub/twin/PATCH/properties/reported/\\?(?<query>.*)", TopicTable::reportedPatch),
            new Route("\\$iothub/methods/res/(?<status>[0-9]{1,3})/\\?(?<query>.*)", TopicTable::methodResponse));

    private static final List<FilterRoute> SUBSCRIBE = List.of(
            new FilterRoute("\\$iothub/twin/PATCH/properties/desired/#", Subscription.DESIRED_PROPERTIES),
            new FilterRoute("\\$iothub/twin/res/#", Subscription.TWIN_RESPONSES),
            new FilterRoute("\\$iothub/methods/POST/#", Subscription.METHODS),
            new FilterRoute("devices/(?<device>[^/]+)/messages/devicebound/#", Subscription.CLOUD_TO_DEVICE));

    private TopicTable() {
    }

    /** What a PUBLISH by {@code device} to {@code topic} means. */
    public static DeviceMessage route(DeviceId device, String topic) {
        for (Route route : PUBLISH) {
            Matcher matcher = route.pattern().matcher(topic);
            if (matcher.matches()) {
                return ownTopic(matcher, device) ? route.parse().apply(matcher)
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
            if (matcher.matches() && ownTopic(matcher, device)) {
                return Optional.of(route.subscription());
            }
        }
        return Optional.empty();
    }

    /** The topic filter a device subscribes to for cloud-to-device messages. */
    public static String cloudToDeviceTopic(DeviceId device, String encodedBag) {
        return "devices/" + device.value() + "/messages/devicebound/" + encodedBag;
    }

    private static boolean ownTopic(Matcher matcher, DeviceId device) {
        return !matcher.pattern().namedGroups().containsKey("device") || matcher.group("device").equals(device.value());
    }

    private static DeviceMessage telemetry(Matcher matcher) {
        String bag = Optional.ofNullable(matcher.group("bag")).orElse("");
        if (bag.endsWith("/")) {
            bag = bag.substring(0, bag.length() - 1);
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

    private record Route(Pattern pattern, Function<Matcher, DeviceMessage> parse) {
        Route(String regex, Function<Matcher, DeviceMessage> parse) {
            this(Pattern.compile(regex), parse);
        }
    }

    private record FilterRoute(Pattern pattern, Subscription subscription) {
        FilterRoute(String regex, Subscription subscription) {
            this(Pattern.compile(regex), subscription);
        }
    }
}
