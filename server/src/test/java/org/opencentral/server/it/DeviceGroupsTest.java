package org.opencentral.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.server.testkit.RestClient;
import org.opencentral.server.testkit.TestDevice;
import org.opencentral.server.testkit.TestPlatform;

/**
 * Live group membership on the running server: a device joins a group the moment its reported
 * properties, sent over MQTT/TLS, start to match the group's filter, and leaves when they stop.
 */
@Timeout(120)
class DeviceGroupsTest {
    private static TestPlatform platform;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void aDeviceReportingAMatchingPropertyIsAMemberAtTheNextRead() {
        RestClient rest = platform.rest();
        String key = platform.createDevice("grp-thermostat");
        platform.createDevice("grp-other");
        rest.put("/deviceGroups/firmware-12", Map.of("displayName", "Firmware 1.2",
                "filter", "SELECT * FROM devices WHERE firmwareVersion = \"1.2\" AND $enabled = true")).ok();
        assertThat(members(rest)).isEmpty();

        try (TestDevice device = TestDevice.overTls(platform, "grp-thermostat", key)) {
            device.connect();
            device.subscribeToTwin();
            device.reportProperties("{\"firmwareVersion\": \"1.2\"}");

            assertThat(members(rest)).containsExactly("grp-thermostat");
            assertThat(rest.get("/devices/grp-thermostat/deviceGroups").ok().at("/value/0/id").asText())
                    .isEqualTo("firmware-12");

            device.reportProperties("{\"firmwareVersion\": \"1.3\"}");
            assertThat(members(rest)).isEmpty();
        }
    }

    private static List<String> members(RestClient rest) {
        List<String> ids = new ArrayList<>();
        JsonNode page = rest.get("/deviceGroups/firmware-12/devices").ok();
        page.path("value").forEach(d -> ids.add(d.path("id").asText()));
        return ids;
    }
}
