package org.opencentral.platform.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencentral.core.DomainException;
import org.opencentral.core.Json;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;

/** Export filters compiled once and evaluated on messages in memory. */
class ExportMatcherTest {
    private static final DeviceFacts THERMOSTAT = new DeviceFacts(Optional.of(Device.builder(DeviceId.of("t-1"))
            .displayName("Hall").template("dtmi:contoso:Thermostat;1").simulated().etag("\"e\"")
            .createdAt(Instant.EPOCH).build()), Optional.empty());
    private static final ObjectNode HOT = Json.parseObject(
            "{\"deviceId\":\"t-1\",\"telemetry\":{\"temperature\":31,\"mode\":\"auto\",\"fan\":{\"speed\":3}}}");
    private static final ObjectNode PROPERTY = Json.parseObject(
            "{\"deviceId\":\"t-1\",\"properties\":[{\"name\":\"target\",\"component\":\"c1\",\"value\":20}]}");

    private static boolean matches(String filter, ObjectNode message) {
        return ExportMatcher.compile(Optional.of(filter)).matches(message, THERMOSTAT);
    }

    @Test
    void comparesTelemetryValuesOfTheTemplateNamedAfterFrom() {
        assertThat(matches("SELECT * FROM dtmi:contoso:Thermostat;1 WHERE temperature > 30", HOT)).isTrue();
        assertThat(matches("SELECT * FROM dtmi:contoso:Thermostat;1 WHERE temperature > 31", HOT)).isFalse();
        assertThat(matches("SELECT * FROM dtmi:contoso:Fan;1 WHERE temperature > 30", HOT)).isFalse();
        assertThat(matches("SELECT * FROM devices WHERE fan.speed = 3 AND mode IN (\"auto\", \"cool\")", HOT)).isTrue();
        assertThat(matches("SELECT * FROM devices WHERE humidity > 3", HOT)).as("no such value").isFalse();
        assertThat(matches("SELECT * FROM devices WHERE NOT (temperature < 0 OR mode = \"off\")", HOT)).isTrue();
    }

    @Test
    void readsTheDeviceThroughSystemNamesAndPropertiesThroughTheirNames() {
        assertThat(matches("SELECT * FROM devices WHERE $displayName = \"Hall\" AND $simulated = true", HOT)).isTrue();
        assertThat(matches("SELECT * FROM devices WHERE $provisioned = true", HOT)).isFalse();
        assertThat(matches("SELECT * FROM devices WHERE $id != \"t-1\"", HOT)).isFalse();
        assertThat(matches("SELECT * FROM devices WHERE target >= 20", PROPERTY)).isTrue();
        assertThat(matches("SELECT * FROM devices WHERE c1.target < 20", PROPERTY)).isFalse();
        assertThat(ExportMatcher.compile(Optional.empty()).matches(PROPERTY, DeviceFacts.NONE)).isTrue();
    }

    @Test
    void refusesWhatHasNoMeaningForOneMessage() {
        assertThatThrownBy(() -> ExportMatcher.compile(Optional.of("SELECT * FROM devices WHERE WITHIN_WINDOW(P1D)")))
                .isInstanceOf(DomainException.class).hasMessageContaining("time window");
        assertThatThrownBy(() -> ExportMatcher.compile(Optional.of("SELECT * FROM devices WHERE temperature >")))
                .isInstanceOf(DomainException.class).hasMessageContaining("invalid export filter");
    }
}
