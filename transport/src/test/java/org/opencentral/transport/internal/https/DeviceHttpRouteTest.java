package org.opencentral.transport.internal.https;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.HttpMethod;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencentral.platform.c2d.CloudToDeviceService.Settlement;

/** The device REST path table: the paths the Java SDK (lower-case {@code devicebound}) and IoT Hub's documentation use. */
class DeviceHttpRouteTest {
    private static final String API = "?api-version=2020-09-30";

    @Test
    void telemetryAndReceive() {
        assertThat(DeviceHttpRoute.match(HttpMethod.POST, "/devices/dev-1/messages/events" + API))
                .hasValue(new DeviceHttpRoute.SendEvents("dev-1"));
        assertThat(DeviceHttpRoute.match(HttpMethod.GET, "/devices/dev-1/messages/devicebound" + API))
                .hasValue(new DeviceHttpRoute.Receive("dev-1"));
        assertThat(DeviceHttpRoute.match(HttpMethod.GET, "/devices/dev-1/messages/deviceBound" + API))
                .hasValue(new DeviceHttpRoute.Receive("dev-1"));
    }

    @Test
    void completeRejectAndAbandonByEtag() {
        assertThat(DeviceHttpRoute.match(HttpMethod.DELETE, "/devices/dev-1/messages/devicebound/%22lock-1%22" + API))
                .hasValue(new DeviceHttpRoute.Settle("dev-1", "lock-1", Settlement.COMPLETE));
        assertThat(DeviceHttpRoute.match(HttpMethod.DELETE, "/devices/dev-1/messages/devicebound/lock-1?reject=true&" + API.substring(1)))
                .hasValue(new DeviceHttpRoute.Settle("dev-1", "lock-1", Settlement.REJECT));
        assertThat(DeviceHttpRoute.match(HttpMethod.DELETE, "/devices/dev-1/messages/devicebound/lock-1" + API + "&%3Freject=true"))
                .hasValue(new DeviceHttpRoute.Settle("dev-1", "lock-1", Settlement.REJECT));
        assertThat(DeviceHttpRoute.match(HttpMethod.DELETE, "/devices/dev-1/messages/devicebound/lock-1?reject=false"))
                .hasValue(new DeviceHttpRoute.Settle("dev-1", "lock-1", Settlement.COMPLETE));
        assertThat(DeviceHttpRoute.match(HttpMethod.DELETE, "/devices/dev-1/messages/devicebound/lock-1?reject"))
                .hasValue(new DeviceHttpRoute.Settle("dev-1", "lock-1", Settlement.REJECT));
        assertThat(DeviceHttpRoute.match(HttpMethod.POST, "/devices/dev-1/messages/deviceBound/lock-1/reject" + API))
                .hasValue(new DeviceHttpRoute.Settle("dev-1", "lock-1", Settlement.REJECT));
        assertThat(DeviceHttpRoute.match(HttpMethod.POST, "/devices/dev-1/messages/devicebound/lock-1/abandon" + API))
                .hasValue(new DeviceHttpRoute.Settle("dev-1", "lock-1", Settlement.ABANDON));
    }

    @Test
    void fileUploadRequestsAndNotifications() {
        assertThat(DeviceHttpRoute.match(HttpMethod.POST, "/devices/dev-1/files" + API))
                .hasValue(new DeviceHttpRoute.RequestUpload("dev-1"));
        assertThat(DeviceHttpRoute.match(HttpMethod.POST, "/devices/dev%2D1/files/notifications" + API))
                .hasValue(new DeviceHttpRoute.NotifyUpload("dev-1", Optional.empty()));
        assertThat(DeviceHttpRoute.match(HttpMethod.POST, "/devices/dev-1/files/notifications/c%2B1" + API))
                .as("the Node.js SDK's form: the correlation id in the path")
                .hasValue(new DeviceHttpRoute.NotifyUpload("dev-1", Optional.of("c+1")));
        assertThat(DeviceHttpRoute.match(HttpMethod.GET, "/devices/dev-1/files")).isEmpty();
        assertThat(DeviceHttpRoute.isDevicePath("/devices/dev-1/files/notifications/x/y")).isFalse();
    }

    @Test
    void otherMethodsAndPathsAreNotDeviceRequests() {
        assertThat(DeviceHttpRoute.match(HttpMethod.GET, "/devices/dev-1/messages/events")).isEmpty();
        assertThat(DeviceHttpRoute.isDevicePath("/devices/dev-1/messages/events")).isTrue();
        assertThat(DeviceHttpRoute.isDevicePath("/$iothub/websocket")).isFalse();
        assertThat(DeviceHttpRoute.isDevicePath("/devices/dev-1/messages/events/extra")).isFalse();
        assertThat(DeviceHttpRoute.isDevicePath("/devices/dev-1/twin")).isFalse();
    }
}
