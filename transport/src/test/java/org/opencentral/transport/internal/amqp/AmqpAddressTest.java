package org.opencentral.transport.internal.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opencentral.core.device.DeviceId;

class AmqpAddressTest {
    @Test
    void devicesNodesAreMatchedWithoutRegardToCase() {
        assertThat(AmqpAddress.parse("/devices/thermostat-1/messages/events"))
                .contains(new AmqpAddress.Telemetry(DeviceId.of("thermostat-1")));
        assertThat(AmqpAddress.parse("/devices/thermostat-1/messages/deviceBound"))
                .contains(new AmqpAddress.CloudToDevice(DeviceId.of("thermostat-1")));
        assertThat(AmqpAddress.parse("/devices/thermostat-1/messages/devicebound/"))
                .contains(new AmqpAddress.CloudToDevice(DeviceId.of("thermostat-1")));
        assertThat(AmqpAddress.parse("/devices/thermostat-1/methods/devicebound"))
                .contains(new AmqpAddress.Methods(DeviceId.of("thermostat-1")));
        assertThat(AmqpAddress.parse("/devices/thermostat-1/methods/deviceBound"))
                .contains(new AmqpAddress.Methods(DeviceId.of("thermostat-1")));
        assertThat(AmqpAddress.parse("/devices/thermostat-1/twin"))
                .contains(new AmqpAddress.Twin(DeviceId.of("thermostat-1")));
        assertThat(AmqpAddress.parse("$cbs")).contains(new AmqpAddress.Cbs());
    }

    @Test
    void anythingElseNamesNoNode() {
        assertThat(AmqpAddress.parse(null)).isEmpty();
        assertThat(AmqpAddress.parse("/devices/a/b/messages/events")).isEmpty();
        assertThat(AmqpAddress.parse("/devices/%20bad/messages/events")).isEmpty();
        assertThat(AmqpAddress.parse("/devices/d/methods/events")).isEmpty();
        assertThat(AmqpAddress.parse("/devices/d/modules/m/twin")).isEmpty();
        assertThat(AmqpAddress.parse("$management")).isEmpty();
    }

    @Test
    void aCbsAudienceNamesItsDevice() {
        assertThat(AmqpAddress.audienceDevice("hub.example/devices/sensor%2D7")).contains(DeviceId.of("sensor-7"));
        assertThat(AmqpAddress.audienceDevice("hub.example/devices/sensor-7/modules/m")).contains(DeviceId.of("sensor-7"));
        assertThat(AmqpAddress.audienceDevice("hub.example")).isEmpty();
        assertThat(AmqpAddress.audienceDevice(null)).isEmpty();
    }
}
