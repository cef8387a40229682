package org.opencentral.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Which HTTPS request targets the device handlers keep (MQTT over WebSockets, DPS, IoT Hub's device
 * REST surface) and which go to the web server: the UI's own {@code /devices/…} page routes are the
 * web server's even though they begin like a device path.
 */
class HttpsRequestRoutingTest {
    @Test
    void deviceProtocolTargetsStayWithTheDeviceHandlers() {
        assertThat(MqttServer.isDeviceRequest("/$iothub/websocket?iothub-no-client-cert=true")).isTrue();
        assertThat(MqttServer.isDeviceRequest("/0ne000A1B2C/registrations/dev-1/register?api-version=2021-06-01"))
                .isTrue();
        assertThat(MqttServer.isDeviceRequest("/devices/dev-1/messages/events?api-version=2020-09-30")).isTrue();
        assertThat(MqttServer.isDeviceRequest("/devices/dev-1/messages/deviceBound?api-version=2020-09-30"))
                .isTrue();
        assertThat(MqttServer.isDeviceRequest("/devices/dev-1/files?api-version=2020-09-30")).isTrue();
        assertThat(MqttServer.isDeviceRequest("/devices/dev-1/files/notifications?api-version=2020-09-30")).isTrue();
        assertThat(MqttServer.isDeviceRequest("/devicefiles/uploads%2Fdev-1%2Fa.bin?sv=2021-08-06&sig=x")).isTrue();
    }

    @Test
    void theWebUiAndApiGoToTheWebServer() {
        assertThat(MqttServer.isDeviceRequest("/")).isFalse();
        assertThat(MqttServer.isDeviceRequest("/devices")).isFalse();
        assertThat(MqttServer.isDeviceRequest("/devices/dev-1")).isFalse();
        assertThat(MqttServer.isDeviceRequest("/api/devices/dev-1?api-version=2022-07-31")).isFalse();
    }
}
