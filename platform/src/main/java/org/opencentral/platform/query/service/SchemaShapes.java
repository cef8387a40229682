package org.opencentral.platform.query.service;

import java.util.LinkedHashMap;
import java.util.Map;
import org.opencentral.dtdl.model.ArraySchema;
import org.opencentral.dtdl.model.EnumSchema;
import org.opencentral.dtdl.model.ObjectField;
import org.opencentral.dtdl.model.Geospatial;
import org.opencentral.dtdl.model.IotcGeopoint;
import org.opencentral.dtdl.model.IotcVector;
import org.opencentral.dtdl.model.MapSchema;
import org.opencentral.dtdl.model.ObjectSchema;
import org.opencentral.dtdl.model.Primitive;
import org.opencentral.dtdl.model.Schema;
import org.opencentral.platform.query.ValueShape;

/**
 * DTDL schemas as query value shapes: Object fields, IoT Central's geopoint ({@code lat, lon, alt})
 * and vector ({@code x, y, z}) have named members; maps, arrays and GeoJSON geometries are opaque.
 */
final class SchemaShapes {
    private static final ValueShape DOUBLE = new ValueShape.Scalar("a double");

    private SchemaShapes() {
    }

    static ValueShape of(Schema schema) {
        return switch (schema) {
            case Primitive p -> new ValueShape.Scalar("a " + p.kind().term());
            case EnumSchema e -> new ValueShape.Scalar("an Enum");
            case ObjectSchema o -> new ValueShape.Members("an Object", fields(o));
            case IotcGeopoint g -> new ValueShape.Members("a geopoint", ordered("lat", "lon", "alt"));
            case IotcVector v -> new ValueShape.Members("a vector", ordered("x", "y", "z"));
            case MapSchema m -> new ValueShape.Opaque("a Map");
            case ArraySchema a -> new ValueShape.Opaque("an Array");
            case Geospatial g -> new ValueShape.Opaque("a " + g.kind().term());
        };
    }

    private static Map<String, ValueShape> fields(ObjectSchema object) {
        Map<String, ValueShape> members = new LinkedHashMap<>();
        for (ObjectField field : object.fields()) {
            members.put(field.name(), of(field.schema()));
        }
        return members;
    }

    private static Map<String, ValueShape> ordered(String... names) {
        Map<String, ValueShape> members = new LinkedHashMap<>();
        for (String name : names) {
            members.put(name, DOUBLE);
        }
        return members;
    }
}
