package org.opencentral.dtdl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencentral.dtdl.model.Command;
import org.opencentral.dtdl.model.DeviceModel;
import org.opencentral.dtdl.model.Primitive;
import org.opencentral.dtdl.model.PrimitiveKind;
import org.opencentral.dtdl.model.Property;
import org.opencentral.dtdl.model.Telemetry;
import org.opencentral.dtdl.value.SchemaValidator;

/** The platform's view: capabilities by component and name, their schemas, value validation. */
class DeviceModelTest {

    private final DeviceModel controller = new DtdlParser(new FolderModelSource(Fixtures.dir()))
            .parse(Fixtures.document(Fixtures.file("dtmi/com/example/temperaturecontroller-2.json")))
            .model("dtmi:com:example:TemperatureController;2").orElseThrow();

    @Test
    void looksUpRootCapabilities() {
        assertThat(controller.telemetry(Optional.empty())).extracting(Telemetry::name).containsExactly("workingSet");
        assertThat(controller.properties(Optional.empty())).extracting(Property::name).containsExactly("serialNumber");
        assertThat(controller.commands(Optional.empty())).extracting(Command::name).containsExactly("reboot");
        assertThat(controller.components()).extracting(c -> c.name())
                .containsExactly("thermostat1", "thermostat2", "deviceInformation");
    }

    @Test
    void looksUpComponentCapabilities() {
        Property target = controller.property(Optional.of("thermostat1"), "targetTemperature").orElseThrow();
        assertThat(target.writable()).isTrue();
        assertThat(target.quantity()).hasValueSatisfying(q -> assertThat(q.unit()).isEqualTo("degreeCelsius"));
        assertThat(controller.capability(Optional.of("thermostat2"), "temperature")).containsInstanceOf(Telemetry.class);
        assertThat(controller.command(Optional.of("thermostat1"), "getMaxMinReport")).isPresent();
        assertThat(controller.schema(Optional.of("thermostat1"), "getMaxMinReport"))
                .contains(Primitive.of(PrimitiveKind.DATE_TIME));
    }

    @Test
    void unknownNamesAndComponentsAreEmpty() {
        assertThat(controller.capability(Optional.empty(), "targetTemperature")).isEmpty();
        assertThat(controller.capability(Optional.of("thermostat3"), "temperature")).isEmpty();
        assertThat(controller.capability(Optional.empty(), "thermostat1")).as("components are not capabilities").isEmpty();
        assertThat(controller.telemetry(Optional.of("nope"))).isEmpty();
    }

    @Test
    void validatesValuesAgainstACapabilitySchema() {
        var schema = controller.schema(Optional.of("thermostat1"), "targetTemperature").orElseThrow();
        assertThat(SchemaValidator.validate(schema, JsonNodeFactory.instance.numberNode(21.5))).isEmpty();
        assertThat(SchemaValidator.validate(schema, JsonNodeFactory.instance.textNode("warm"))).isNotEmpty();
    }
}
