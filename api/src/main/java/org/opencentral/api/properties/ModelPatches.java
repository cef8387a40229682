package org.opencentral.api.properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencentral.core.Json;
import org.opencentral.dtdl.model.DeviceModel;
import org.opencentral.dtdl.model.Property;
import org.opencentral.dtdl.value.SchemaValidator;
import org.opencentral.platform.template.CloudProperties;
import org.opencentral.platform.template.ModelInvalidException;
import org.opencentral.platform.template.ModelInvalidException.Problem;

/**
 * A property write split by the device's model: cloud properties (kept by the platform) apart from
 * the desired patch sent to the device, whose modeled members must be writable and fit their schema
 * (all problems reported at once, with pointers into the body). Members the model does not
 * describe go to the device unchanged. {@code ""} keys the default component.
 */
record ModelPatches(ObjectNode desired, Map<String, ObjectNode> cloud) {

    /** Splits a device-level body: members named like a model component are that component's. */
    static ModelPatches forDevice(DeviceModel model, ObjectNode body) {
        ObjectNode desired = Json.object();
        Map<String, ObjectNode> cloud = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> member : body.properties()) {
            String name = member.getKey();
            if (name.startsWith("$")) {
                continue;
            }
            if (model.component(name).isPresent() && member.getValue() instanceof ObjectNode object) {
                ObjectNode content = Components.content(object);
                content.remove("$metadata");
                desired.set(name, Components.marked(splitComponent(model, Optional.of(name), content, cloud,
                        problems)));
            } else {
                route(model, Optional.empty(), name, member.getValue(), desired, cloud, problems);
            }
        }
        return checked(desired, cloud, problems);
    }

    /** Splits a component body ({@code …/components/{name}/properties}). */
    static ModelPatches forComponent(DeviceModel model, String component, ObjectNode body) {
        Map<String, ObjectNode> cloud = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        ObjectNode content = Components.content(body);
        content.remove("$metadata");
        ObjectNode desired = splitComponent(model, Optional.of(component), content, cloud, problems);
        return checked(desired, cloud, problems);
    }

    private static ObjectNode splitComponent(DeviceModel model, Optional<String> component, ObjectNode body,
            Map<String, ObjectNode> cloud, List<Problem> problems) {
        ObjectNode desired = Json.object();
        body.properties().forEach(m -> route(model, component, m.getKey(), m.getValue(), desired, cloud, problems));
        return desired;
    }

    private static void route(DeviceModel model, Optional<String> component, String name, JsonNode value,
            ObjectNode desired, Map<String, ObjectNode> cloud, List<Problem> problems) {
        String pointer = component.map(c -> "/" + c).orElse("") + "/" + name;
        if (CloudProperties.isCloudProperty(model, component, name)) {
            cloud.computeIfAbsent(component.orElse(""), c -> Json.object()).set(name, value);
            return;
        }
        Optional<Property> property = model.property(component, name);
        if (property.isPresent() && !property.get().writable()) {
            problems.add(new Problem("PROPERTY_NOT_WRITABLE", pointer, "'" + name + "' is a read-only property "
                    + "reported by the device", ""));
        } else if (property.isPresent() && !value.isNull()) {
            SchemaValidator.validate(property.get().schema(), value).forEach(e -> problems.add(
                    new Problem(e.code().name(), pointer + e.pointer(), e.message(), "")));
        }
        desired.set(name, value);
    }

    private static ModelPatches checked(ObjectNode desired, Map<String, ObjectNode> cloud, List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new ModelInvalidException("the properties do not fit the device template", problems);
        }
        return new ModelPatches(desired, cloud);
    }

    /** Whether the desired patch has anything for the device (an empty component object has not). */
    boolean hasDesired() {
        for (JsonNode value : desired) {
            if (!(Components.isComponent(value)) || Components.content(value).size() > 0) {
                return true;
            }
        }
        return false;
    }
}
