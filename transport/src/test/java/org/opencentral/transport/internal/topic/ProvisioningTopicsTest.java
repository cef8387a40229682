package org.opencentral.transport.internal.topic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencentral.core.device.DeviceId;
import org.opencentral.transport.internal.topic.DeviceMessage.Forbidden;
import org.opencentral.transport.internal.topic.DeviceMessage.ProvisioningRegister;
import org.opencentral.transport.internal.topic.DeviceMessage.ProvisioningStatus;

/** The DPS rows of the topic table (reference §2.1), and their separation from the hub's. */
class ProvisioningTopicsTest {
    private static final DeviceId REG = DeviceId.of("reg-1");

    @Test
    void registerAndPollCarryTheRidAndOperationId() {
        assertThat(TopicTable.routeProvisioning(REG, "$dps/registrations/PUT/iotdps-register/?$rid=1"))
                .isEqualTo(new ProvisioningRegister("1"));
        assertThat(TopicTable.routeProvisioning(REG, "$dps/registrations/PUT/iotdps-register?$rid=a%20b"))
                .isEqualTo(new ProvisioningRegister("a b"));
        assertThat(TopicTable.routeProvisioning(REG,
                "$dps/registrations/GET/iotdps-get-operationstatus/?$rid=2&operationId=5.abc.f00-d"))
                .isEqualTo(new ProvisioningStatus("2", "5.abc.f00-d"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "$dps/registrations/PUT/iotdps-register/",
        "$dps/registrations/PUT/iotdps-register/?$rid=",
        "$dps/registrations/GET/iotdps-get-operationstatus/?$rid=2",
        "$dps/registrations/GET/iotdps-get-operationstatus/?operationId=x",
        "$dps/registrations/res/200/?$rid=1",
        "$dps/registrations/DELETE/iotdps-register/?$rid=1",
        "$iothub/twin/GET/?$rid=1",
        "devices/reg-1/messages/events/"})
    void aDpsSessionMayPublishOnlyToTheDpsTopics(String topic) {
        assertThat(TopicTable.routeProvisioning(REG, topic)).isInstanceOf(Forbidden.class);
    }

    @Test
    void aHubSessionCannotUseTheDpsTopics() {
        assertThat(TopicTable.route(REG, "$dps/registrations/PUT/iotdps-register/?$rid=1")).isInstanceOf(Forbidden.class);
        assertThat(TopicTable.subscription(REG, "$dps/registrations/res/#")).isEmpty();
    }

    @Test
    void aDpsSessionSubscribesToItsResponsesOnly() {
        assertThat(TopicTable.provisioningFilter("$dps/registrations/res/#")).isTrue();
        assertThat(TopicTable.provisioningFilter("$dps/registrations/#")).isFalse();
        assertThat(TopicTable.provisioningFilter("$iothub/twin/res/#")).isFalse();
        assertThat(TopicTable.provisioningFilter("#")).isFalse();
    }
}
