package org.opencentral.platform.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.PlatformEvent.CloudPropertiesUpdated;
import org.opencentral.core.store.CloudPropertyStore;
import org.opencentral.core.store.OutboxStore;
import org.opencentral.core.template.CloudPropertyValue;
import org.opencentral.dtdl.model.DeviceModel;
import org.opencentral.dtdl.model.Property;
import org.opencentral.dtdl.value.SchemaValidator;
import org.opencentral.dtdl.value.ValueError;

/**
 * Cloud property values: kept by the platform only (never sent to the device), checked against
 * their schema in normalized form. {@code null} removes a value. Every write that changes something
 * stores its {@link CloudPropertiesUpdated} event in the same transaction (the outbox), from where
 * it reaches the event log. Blocking.
 */
public final class CloudProperties {
    private final CloudPropertyStore store;
    private final OutboxStore outbox;
    private final Clock clock;

    public CloudProperties(CloudPropertyStore store, OutboxStore outbox, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
    }

    public List<CloudPropertyValue> of(DeviceId id) {
        return store.list(id);
    }

    /** Whether {@code name} of {@code component} (empty: default) is a cloud property of the model. */
    public static boolean isCloudProperty(DeviceModel model, Optional<String> component, String name) {
        return model.property(component, name).filter(p -> p.iotc().cloud()).isPresent();
    }

    /**
     * Writes cloud property members of one component; every member must be a cloud property of the
     * model. All are checked before any is stored; BAD_REQUEST lists every problem with its pointer
     * ({@code pointerPrefix} + member name + pointer in the value). No members: nothing is written
     * or logged.
     */
    public void write(DeviceId id, DeviceModel model, Optional<String> component, ObjectNode members,
            String pointerPrefix) {
        if (members.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        ObjectNode patch = Json.object();
        List<CloudPropertyValue> values = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<ModelInvalidException.Problem> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> member : members.properties()) {
            String at = pointerPrefix + "/" + member.getKey();
            Property property = model.property(component, member.getKey()).filter(p -> p.iotc().cloud())
                    .orElseThrow(() -> new IllegalArgumentException(member.getKey() + " is not a cloud property"));
            if (member.getValue().isNull()) {
                removed.add(member.getKey());
                patch.putNull(member.getKey());
                continue;
            }
            JsonNode normalized = ValueNormalizer.normalize(property.schema(), member.getValue());
            List<ValueError> errors = SchemaValidator.validate(property.schema(), normalized);
            errors.forEach(e -> problems.add(new ModelInvalidException.Problem(e.code().name(), at + e.pointer(),
                    e.message(), "")));
            values.add(new CloudPropertyValue(id, component.orElse(""), member.getKey(), normalized, now));
            patch.set(member.getKey(), normalized);
        }
        if (!problems.isEmpty()) {
            throw new ModelInvalidException("cloud property values do not fit their schema", problems);
        }
        outbox.run(events -> {
            store.put(values);
            removed.forEach(name -> store.delete(id, component.orElse(""), name));
            events.record(new CloudPropertiesUpdated(id, now, component, patch));
        });
    }
}
