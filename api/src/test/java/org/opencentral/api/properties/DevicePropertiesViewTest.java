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

class DevicePropertiesViewTest {
    private static final Instant T1 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-01-01T11:00:00Z");
    private static final DeviceId ID = DeviceId.of("dev1");

    private static ObjectNode json(String text) {
        return Json.parseObject(text);
    }

    /** Re-read through JSON text, so that int and long nodes of the same number compare equal. */
    private static ObjectNode canonical(ObjectNode node) {
        return Json.parseObject(Json.write(node));
    }

    private static Twin twin(String desiredPatch, String reportedPatch) {
        TwinSection desired = TwinPatch.apply(TwinSection.EMPTY, json(desiredPatch), T1, true);
        TwinSection reported = TwinPatch.apply(TwinSection.EMPTY, json(reportedPatch), T2, false);
        return new Twin(ID, desired, reported);
    }

    @Test
    void readOnlyPropertyHasValueAndLastUpdateTime() {
        ObjectNode view = DevicePropertiesView.of(twin("{}", "{\"manufacturer\":\"contoso\"}"));

        assertThat(canonical(view)).isEqualTo(json("""
                {"manufacturer":"contoso","$metadata":{"manufacturer":{"lastUpdateTime":"2026-01-01T11:00:00Z"}}}"""));
    }

    @Test
    void acknowledgedWritablePropertyShowsTheAckedValueDesiredValueAndAck() {
        ObjectNode view = DevicePropertiesView.of(twin("{\"targetTemperature\":22}",
                "{\"targetTemperature\":{\"value\":21.5,\"ac\":200,\"av\":2,\"ad\":\"done\"}}"));

        assertThat(canonical(view)).isEqualTo(json("""
                {"targetTemperature":21.5,"$metadata":{"targetTemperature":{
                  "lastUpdateTime":"2026-01-01T11:00:00Z","ackCode":200,"ackVersion":2,"ackDescription":"done",
                  "desiredValue":22,"desiredVersion":2}}}"""));
    }

    @Test
    void desiredOnlyPropertyHasMetadataButNoValue() {
        ObjectNode view = DevicePropertiesView.of(twin("{\"fanSpeed\":30}", "{}"));

        assertThat(canonical(view)).isEqualTo(json("""
                {"$metadata":{"fanSpeed":{"desiredValue":30,"desiredVersion":2}}}"""));
    }

    @Test
    void componentsAreNestedWithoutTheirMarker() {
        Twin twin = twin("{\"thermostat1\":{\"__t\":\"c\",\"targetTemperature\":21}}",
                "{\"thermostat1\":{\"__t\":\"c\",\"maxTemp\":38.7,"
                        + "\"targetTemperature\":{\"value\":21,\"ac\":200,\"av\":2}},\"serial\":\"x1\"}");

        ObjectNode view = DevicePropertiesView.of(twin);

        assertThat(canonical(view)).isEqualTo(json("""
                {"thermostat1":{"maxTemp":38.7,"targetTemperature":21,"$metadata":{
                   "maxTemp":{"lastUpdateTime":"2026-01-01T11:00:00Z"},
                   "targetTemperature":{"lastUpdateTime":"2026-01-01T11:00:00Z","ackCode":200,"ackVersion":2,
                                        "desiredValue":21,"desiredVersion":2}}},
                 "serial":"x1","$metadata":{"serial":{"lastUpdateTime":"2026-01-01T11:00:00Z"}}}"""));
        assertThat(DevicePropertiesView.component(twin, "thermostat1")).contains((ObjectNode) view.get("thermostat1"));
    }

    @Test
    void objectPropertyWithoutMarkerStaysAValue() {
        ObjectNode view = DevicePropertiesView.of(twin("{}", "{\"location\":{\"lat\":47.6,\"lon\":-122.1}}"));

        assertThat(view.get("location")).isEqualTo(json("{\"lat\":47.6,\"lon\":-122.1}"));
        assertThat(view.at("/$metadata/location/lastUpdateTime").asText()).isEqualTo("2026-01-01T11:00:00Z");
    }

    @Test
    void objectWithExtraMembersIsNotAnAck() {
        ObjectNode view = DevicePropertiesView.of(twin("{}", "{\"p\":{\"value\":1,\"ac\":200,\"other\":true}}"));

        assertThat(view.get("p")).isEqualTo(json("{\"value\":1,\"ac\":200,\"other\":true}"));
        assertThat(view.at("/$metadata/p").has("ackCode")).isFalse();
    }

    @Test
    void componentLookupRefusesPlainPropertiesAndIsEmptyForUnknownNames() {
        Twin twin = twin("{}", "{\"serial\":\"x1\"}");

        assertThat(DevicePropertiesView.component(twin, "serial")).isEmpty();
        assertThat(DevicePropertiesView.component(twin, "nothing")).contains(Json.object());
    }
}
