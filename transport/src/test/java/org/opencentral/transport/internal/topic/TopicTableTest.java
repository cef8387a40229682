package org.opencentral.transport.internal.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencentral.core.device.DeviceId;
import org.opencentral.platform.session.DeviceSession.Subscription;
import org.opencentral.transport.internal.topic.DeviceMessage.Forbidden;
import org.opencentral.transport.internal.topic.DeviceMessage.MethodResponse;
import org.opencentral.transport.internal.topic.DeviceMessage.ReportedPatch;
import org.opencentral.transport.internal.topic.DeviceMessage.Telemetry;
import org.opencentral.transport.internal.topic.DeviceMessage.TwinGet;

class TopicTableTest {
    private static final DeviceId DEV = DeviceId.of("dev-1");

    @Test
    void telemetryWithAndWithoutBag() {
        assertThat(TopicTable.route(DEV, "devices/dev-1/messages/events/")).isEqualTo(new Telemetry(PropertyBag.EMPTY));
        assertThat(TopicTable.route(DEV, "devices/dev-1/messages/events")).isEqualTo(new Telemetry(PropertyBag.EMPTY));
        DeviceMessage message = TopicTable.route(DEV, "devices/dev-1/messages/events/%24.sub=th1&a=b/");
        assertThat(message).isInstanceOfSatisfying(Telemetry.class, t -> {
            assertThat(t.properties().component()).contains("th1");
            assertThat(t.properties().applicationProperties()).containsEntry("a", "b");
        });
    }

    @Test
    void theOwnTelemetryTopicIsReadWithoutTheTableAsTheTableWouldRead() {
        assertThat(TopicTable.ownTelemetryBag("dev-1", "devices/dev-1/messages/events")).isEqualTo(29);
        assertThat(TopicTable.ownTelemetryBag("dev-1", "devices/dev-1/messages/events/a=b")).isEqualTo(30);
        assertThat(TopicTable.ownTelemetryBag("dev-1", "devices/dev-1/messages/eventsX")).isEqualTo(-1);
        assertThat(TopicTable.ownTelemetryBag("dev-1", "devices/dev-12/messages/events/")).isEqualTo(-1);
        assertThat(TopicTable.ownTelemetryBag("dev-1", "devices/dev-1/messages/events/a=b\nc")).isEqualTo(-1);
        assertThat(TopicTable.route(DEV, "devices/dev-1/messages/events//")).isEqualTo(new Telemetry(PropertyBag.EMPTY));
        assertThat(TopicTable.route(DEV, "devices/dev-1/messages/events/a=b\u2028")).isEqualTo(new Forbidden("unknown topic"));
        assertThat(TopicTable.route(DEV, "devices/dev-1/messages/eventsX")).isEqualTo(new Forbidden("unknown topic"));
        assertThat(TopicTable.route(DEV, "devices/dev-12/messages/events/"))
                .isEqualTo(new Forbidden("topic of another device"));
    }

    @Test
    void twinAndMethodTopicsCarryRidAndVersion() {
        assertThat(TopicTable.route(DEV, "$iothub/twin/GET/?$rid=42")).isEqualTo(new TwinGet("42"));
        assertThat(TopicTable.route(DEV, "$iothub/twin/PATCH/properties/reported/?$rid=a%20b"))
                .isEqualTo(new ReportedPatch("a b", OptionalLong.empty()));
        assertThat(TopicTable.route(DEV, "$iothub/twin/PATCH/properties/reported/?$rid=7&$version=3"))
                .isEqualTo(new ReportedPatch("7", OptionalLong.of(3)));
        assertThat(TopicTable.route(DEV, "$iothub/methods/res/200/?$rid=ff")).isEqualTo(new MethodResponse("ff", 200));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "devices/other/messages/events/",
        "devices/dev-1/modules/m1/messages/events/",
        "devices/dev-1/messages/devicebound/x",
        "$iothub/twin/GET/",
        "$iothub/twin/GET/?foo=1",
        "$iothub/twin/PATCH/properties/desired/?$rid=1",
        "$iothub/twin/PATCH/properties/reported/?$rid=1&$version=x",
        "$iothub/methods/res/abc/?$rid=1",
        "$iothub/methods/POST/reboot/?$rid=1",
        "devices/dev-1/messages/events/a=%zz",
        "random/topic",
        ""})
    void everythingElseIsForbidden(String topic) {
        assertThat(TopicTable.route(DEV, topic)).isInstanceOf(Forbidden.class);
    }

    @Test
    void anotherDevicesTopicIsNamedAsSuch() {
        assertThat(TopicTable.route(DEV, "devices/dev-2/messages/events/"))
                .isEqualTo(new Forbidden("topic of another device"));
        assertThat(TopicTable.route(DEV, "devices/dev-1/modules/m/messages/events/"))
                .isEqualTo(new Forbidden("module topics are not supported"));
    }

    @Test
    void subscriptionFilters() {
        assertThat(TopicTable.subscription(DEV, "$iothub/twin/PATCH/properties/desired/#"))
                .contains(Subscription.DESIRED_PROPERTIES);
        assertThat(TopicTable.subscription(DEV, "$iothub/twin/res/#")).contains(Subscription.TWIN_RESPONSES);
        assertThat(TopicTable.subscription(DEV, "$iothub/methods/POST/#")).contains(Subscription.METHODS);
        assertThat(TopicTable.subscription(DEV, "devices/dev-1/messages/devicebound/#"))
                .contains(Subscription.CLOUD_TO_DEVICE);
        assertThat(TopicTable.subscription(DEV, "devices/dev-2/messages/devicebound/#")).isEmpty();
        assertThat(TopicTable.subscription(DEV, "#")).isEmpty();
        assertThat(TopicTable.subscription(DEV, "devices/+/messages/devicebound/#")).isEmpty();
    }
}
