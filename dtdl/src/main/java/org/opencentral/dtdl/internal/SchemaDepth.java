package org.opencentral.dtdl.internal;

import java.util.IdentityHashMap;
import java.util.Map;
import org.opencentral.dtdl.model.ArraySchema;
import org.opencentral.dtdl.model.EnumSchema;
import org.opencentral.dtdl.model.GeoKind;
import org.opencentral.dtdl.model.Geospatial;
import org.opencentral.dtdl.model.IotcGeopoint;
import org.opencentral.dtdl.model.IotcVector;
import org.opencentral.dtdl.model.MapSchema;
import org.opencentral.dtdl.model.ObjectSchema;
import org.opencentral.dtdl.model.Primitive;
import org.opencentral.dtdl.model.Schema;

/**
 * The depth limit of complex schemas, counted as the DTDL v2 and v3 specifications ("Limits and
 * exclusions") and the official parser count it: "There MUST NOT be more than 5 "elementSchema" or
 * "schema" members in any path from a DTDL Array [Map, Object] element to another DTDL element."
 *
 * <p>So the outermost Array, Map or Object is level 0 and every {@code elementSchema} or
 * {@code schema} member below it adds one, whatever it leads to (a primitive schema counts like an
 * Enum: one more member, and nothing below it). A {@code fields}, {@code mapValue} or
 * {@code enumValues} member adds nothing; a schema referenced by DTMI (from {@code schemas}) counts
 * exactly as if it were written inline. The geospatial schemas are, for the official parser,
 * standard Objects with a {@code coordinates} field of nested Arrays, and count as such.
 */
final class SchemaDepth {

    /** At most this many {@code elementSchema} or {@code schema} members below a complex schema. */
    static final int MAX_MEMBERS = 5;

    private SchemaDepth() {
    }

    /** The most {@code elementSchema} or {@code schema} members on any path down from {@code schema}. */
    static int members(Schema schema) {
        return members(schema, new IdentityHashMap<>());
    }

    /** Each schema counted once: a schema referenced from many fields is one node, not a tree of paths. */
    private static int members(Schema schema, Map<Schema, Integer> counted) {
        Integer known = counted.get(schema);
        if (known != null) {
            return known;
        }
        int members = switch (schema) {
            case Primitive p -> 0;
            case EnumSchema e -> 0;
            case ArraySchema a -> 1 + members(a.elementSchema(), counted);
            case MapSchema m -> 1 + members(m.valueSchema(), counted);
            case ObjectSchema o -> o.fields().stream().mapToInt(f -> 1 + members(f.schema(), counted)).max().orElse(0);
            case Geospatial g -> geospatial(g.kind());
            // IoT Central's geopoint and vector are Objects of numeric fields (lat, lon, alt; x, y, z).
            case IotcGeopoint g -> 1;
            case IotcVector v -> 1;
        };
        counted.put(schema, members);
        return members;
    }

    /**
     * The standard geospatial Objects: {@code coordinates} is a position (an Array of double), an
     * Array of positions (multiPoint, lineString), an Array of those (multiLineString, polygon) or,
     * for multiPolygon, an Array of polygon coordinate Arrays.
     */
    private static int geospatial(GeoKind kind) {
        return switch (kind) {
            case POINT -> 2;
            case MULTI_POINT, LINE_STRING -> 3;
            case MULTI_LINE_STRING, POLYGON -> 4;
            case MULTI_POLYGON -> 5;
        };
    }
}
