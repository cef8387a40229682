package org.opencentral.dtdl.internal;

import java.util.List;
import java.util.Optional;
import org.opencentral.dtdl.model.IotcAdjunct;

/**
 * The classified {@code @type} of an element: its DTDL kind, a semantic type, IoT Central co-types,
 * IoT Central's {@code NamedInterface}, and undefined co-types (which open the element to undefined
 * properties, per DTDL's open-world rule).
 */
record ElementTypes(
        String material,
        Optional<String> semantic,
        List<IotcAdjunct> iotc,
        boolean namedInterface,
        List<String> other) {

    ElementTypes {
        iotc = List.copyOf(iotc);
        other = List.copyOf(other);
    }

    static ElementTypes plain(String material) {
        return new ElementTypes(material, Optional.empty(), List.of(), false, List.of());
    }

    boolean open() {
        return !other.isEmpty();
    }

    boolean has(IotcAdjunct adjunct) {
        return iotc.contains(adjunct);
    }
}
