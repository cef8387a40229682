package org.opencentral.platform.simulation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencentral.dtdl.model.ArraySchema;
import org.opencentral.dtdl.model.EnumSchema;
import org.opencentral.dtdl.model.ObjectField;
import org.opencentral.dtdl.model.Geospatial;
import org.opencentral.dtdl.model.IotcGeopoint;
import org.opencentral.dtdl.model.IotcVector;
import org.opencentral.dtdl.model.MapSchema;
import org.opencentral.dtdl.model.ObjectSchema;
import org.opencentral.dtdl.model.Primitive;
import org.opencentral.dtdl.model.PrimitiveKind;
import org.opencentral.dtdl.model.Quantity;
import org.opencentral.dtdl.model.Schema;

/** Builds the generator of a DTDL schema, with ranges chosen from the semantic type and unit. */
public final class Generators {
    static final int ARRAY_LENGTH = 3;
    private static final Range VECTOR = new Range(-1, 1);

    private Generators() {
    }

    public static Generator of(Schema schema, Optional<Quantity> quantity) {
        return switch (schema) {
            case Primitive p -> primitive(p.kind(), quantity);
            case EnumSchema e -> new EnumCycle(e.values());
            case ObjectSchema o -> Composite.object(fields(o.fields()));
            case MapSchema m -> Composite.object(Map.of(
                    m.keyName() + "1", of(m.valueSchema(), m.valueQuantity()),
                    m.keyName() + "2", of(m.valueSchema(), m.valueQuantity())));
            case ArraySchema a -> Composite.array(java.util.stream.Stream
                    .generate(() -> of(a.elementSchema(), Optional.<Quantity>empty())).limit(ARRAY_LENGTH).toList());
            case Geospatial g -> new GeoTrack(Optional.of(g.kind()));
            case IotcGeopoint g -> new GeoTrack(Optional.empty());
            case IotcVector v -> Composite.object(vector(quantity));
        };
    }

    private static Generator primitive(PrimitiveKind kind, Optional<Quantity> quantity) {
        return switch (kind) {
            case DOUBLE, FLOAT -> new NumberWalk(Range.of(quantity), false);
            case INTEGER, LONG -> new NumberWalk(Range.of(quantity), true);
            case BOOLEAN, STRING, DATE, DATE_TIME, TIME, DURATION -> new SimulatedPrimitives(kind);
        };
    }

    private static Map<String, Generator> fields(List<ObjectField> fields) {
        Map<String, Generator> members = new LinkedHashMap<>();
        fields.forEach(f -> members.put(f.name(), of(f.schema(), f.quantity())));
        return members;
    }

    private static Map<String, Generator> vector(Optional<Quantity> quantity) {
        Range range = quantity.isPresent() ? Range.of(quantity) : VECTOR;
        Map<String, Generator> members = new LinkedHashMap<>();
        for (String axis : List.of("x", "y", "z")) {
            members.put(axis, new NumberWalk(range, false));
        }
        return members;
    }
}
