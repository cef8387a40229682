package org.opencentral.sim.iothub;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTest {
    @Test
    void buildsDeviceTopics() {
        assertThat(Topics.telemetry("d1")).isEqualTo("devices/d1/messages/events/");
        assertThat(Topics.expand("devices/{id}/messages/events/", "d1")).isEqualTo("devices/d1/messages/events/");
        assertThat(Topics.methodResponse(200, "abc")).isEqualTo("$iothub/methods/res/200/?$rid=abc");
        assertThat(Topics.reportedPatch(7)).isEqualTo("$iothub/twin/PATCH/properties/reported/?$rid=7");
    }

    @Test
    void parsesMethodRequests() {
        assertThat(Topics.methodRequest("$iothub/methods/POST/reboot/?$rid=1f")).contains(new Topics.MethodRequest("reboot", "1f"));
        assertThat(Topics.methodRequest("$iothub/methods/POST/reboot/")).isEmpty();
        assertThat(Topics.methodRequest("devices/d1/messages/devicebound/")).isEmpty();
    }

    @Test
    void parsesTwinResponses() {
        assertThat(Topics.twinResponse("$iothub/twin/res/204/?$rid=12&$version=3")).contains(new Topics.TwinResponse(204, 12));
        assertThat(Topics.twinResponse("$iothub/twin/res/400/?$rid=5")).contains(new Topics.TwinResponse(400, 5));
        assertThat(Topics.twinResponse("$iothub/twin/res/204/?$version=3")).isEmpty();
        assertThat(Topics.twinResponse("$iothub/twin/res/abc/?$rid=1")).isEmpty();
    }
}
