package org.opencentral.api.properties;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.twin.Twin;
import org.opencentral.core.twin.TwinSection;
import org.opencentral.platform.twin.TwinPatch;

class DesiredPatchesTest {
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    private static ObjectNode json(String text) {
        return Json.parseObject(text);
    }

    /** Re-read through JSON text, so that int and long nodes of the same number compare equal. */
    private static ObjectNode canonical(ObjectNode node) {
        return Json.parseObject(Json.write(node));
    }

    private static Twin twin(String desired, String reported) {
        return new Twin(DeviceId.of("d"), TwinPatch.apply(TwinSection.EMPTY, json(desired), NOW, true),
                TwinPatch.apply(TwinSection.EMPTY, json(reported), NOW, false));
    }

    @Test
    void nestedObjectKnownAsReportedComponentGetsTheMarker() {
        Twin twin = twin("{}", "{\"thermostat1\":{\"__t\":\"c\",\"maxTemp\":30}}");

        ObjectNode patch = DesiredPatches.forDevice(json("""
                {"thermostat1":{"targetTemperature":21},"location":{"lat":1},"fan":3}"""), twin);

        assertThat(patch).isEqualTo(json("""
                {"thermostat1":{"targetTemperature":21,"__t":"c"},"location":{"lat":1},"fan":3}"""));
    }

    @Test
    void bodyMayMarkAComponentItselfAndMetadataIsDropped() {
        ObjectNode patch = DesiredPatches.forDevice(json("""
                {"c1":{"__t":"c","p":1,"$metadata":{}},"$metadata":{}}"""), twin("{}", "{}"));

        assertThat(patch).isEqualTo(json("{\"c1\":{\"__t\":\"c\",\"p\":1}}"));
    }

    @Test
    void replacingAComponentDeletesMembersTheBodyLacks() {
        Twin twin = twin("{\"c1\":{\"__t\":\"c\",\"a\":1,\"b\":2}}", "{}");

        ObjectNode patch = DesiredPatches.replacingComponent("c1", json("{\"a\":5}"), twin);

        assertThat(patch).isEqualTo(json("{\"c1\":{\"a\":5,\"__t\":\"c\",\"b\":null}}"));
    }

    @Test
    void acceptedAnswerMirrorsTheWrittenPropertiesPerComponent() {
        ObjectNode patch = json("{\"settings\":{\"__t\":\"c\",\"voltage\":25},\"fan\":3}");

        assertThat(canonical(DesiredPatches.accepted(patch, 7))).isEqualTo(json("""
                {"settings":{"$metadata":{"voltage":{"desiredValue":25,"desiredVersion":7}}},
                 "$metadata":{"fan":{"desiredValue":3,"desiredVersion":7}}}"""));
    }
}
