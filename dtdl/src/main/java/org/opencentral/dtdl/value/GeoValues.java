package org.opencentral.dtdl.value;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;
import org.opencentral.dtdl.model.GeoKind;

/** IoT Central geopoint and vector values, and GeoJSON geometries for DTDL's geospatial schemas. */
final class GeoValues {

    private GeoValues() {
    }

    static void geopoint(JsonNode value, String at, ValueErrors errors) {
        if (!members(value, at, Set.of("lat", "lon", "alt"), errors)) {
            return;
        }
        number(value, at, "lat", true, 90, errors);
        number(value, at, "lon", true, 180, errors);
        number(value, at, "alt", false, Double.MAX_VALUE, errors);
    }

    static void vector(JsonNode value, String at, ValueErrors errors) {
        if (!members(value, at, Set.of("x", "y", "z"), errors)) {
            return;
        }
        for (String axis : new String[] {"x", "y", "z"}) {
            number(value, at, axis, true, Double.MAX_VALUE, errors);
        }
    }

    static void geoJson(GeoKind kind, JsonNode value, String at, ValueErrors errors) {
        if (!members(value, at, Set.of("type", "coordinates", "bbox"), errors)) {
            return;
        }
        JsonNode type = value.get("type");
        if (type == null || !kind.geoJsonType().equals(type.asText())) {
            errors.add(ValueErrors.child(at, "type"), type == null ? ValueErrorCode.MISSING_FIELD : ValueErrorCode.TYPE_MISMATCH,
                    "a " + kind.term() + " needs \"type\": \"" + kind.geoJsonType() + "\"");
        }
        JsonNode coordinates = value.get("coordinates");
        String c = ValueErrors.child(at, "coordinates");
        if (coordinates == null) {
            errors.add(c, ValueErrorCode.MISSING_FIELD, "a " + kind.term() + " needs \"coordinates\"");
            return;
        }
        int nesting = switch (kind) {
            case POINT -> 0;
            case MULTI_POINT, LINE_STRING -> 1;
            case MULTI_LINE_STRING, POLYGON -> 2;
            case MULTI_POLYGON -> 3;
        };
        positions(coordinates, nesting, kind, c, errors);
    }

    private static void positions(JsonNode node, int nesting, GeoKind kind, String at, ValueErrors errors) {
        if (nesting == 0) {
            boolean position = node.isArray() && node.size() >= 2 && node.size() <= 3;
            for (JsonNode n : node) {
                position &= n.isNumber();
            }
            if (!position) {
                errors.add(at, ValueErrorCode.INVALID_GEOMETRY, "a position is an array of 2 or 3 numbers");
            }
            return;
        }
        if (!node.isArray()) {
            errors.add(at, ValueErrorCode.INVALID_GEOMETRY, "expected an array of coordinates");
            return;
        }
        int min = nesting == 1 ? minPositions(kind) : 0;
        if (node.size() < min) {
            errors.add(at, ValueErrorCode.INVALID_GEOMETRY, "needs at least " + min + " positions");
        } else if (min == 4 && !node.get(0).equals(node.get(node.size() - 1))) {
            errors.add(at, ValueErrorCode.INVALID_GEOMETRY, "a polygon ring must end where it starts");
        }
        for (int i = 0; i < node.size(); i++) {
            positions(node.get(i), nesting - 1, kind, ValueErrors.child(at, i), errors);
        }
    }

    /** Positions in a line (2) or a polygon ring (4, closed); a multi-point has no minimum. */
    private static int minPositions(GeoKind kind) {
        return switch (kind) {
            case LINE_STRING, MULTI_LINE_STRING -> 2;
            case POLYGON, MULTI_POLYGON -> 4;
            case POINT, MULTI_POINT -> 0;
        };
    }

    private static boolean members(JsonNode value, String at, Set<String> allowed, ValueErrors errors) {
        if (!value.isObject()) {
            errors.add(at, ValueErrorCode.TYPE_MISMATCH, "expected an object");
            return false;
        }
        for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                errors.add(ValueErrors.child(at, name), ValueErrorCode.UNKNOWN_FIELD, "unexpected member '" + name + "'");
            }
        }
        return true;
    }

    private static void number(JsonNode value, String at, String name, boolean required, double limit, ValueErrors errors) {
        JsonNode n = value.get(name);
        String child = ValueErrors.child(at, name);
        if (n == null) {
            if (required) {
                errors.add(child, ValueErrorCode.MISSING_FIELD, "'" + name + "' is required");
            }
        } else if (!n.isNumber()) {
            errors.add(child, ValueErrorCode.TYPE_MISMATCH, "'" + name + "' must be a number");
        } else if (!(Math.abs(n.doubleValue()) <= limit)) {
            errors.add(child, ValueErrorCode.OUT_OF_RANGE, "'" + name + "' must be between -" + (long) limit + " and "
                    + (long) limit);
        }
    }
}
