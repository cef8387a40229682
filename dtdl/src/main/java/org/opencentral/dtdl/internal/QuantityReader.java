package org.opencentral.dtdl.internal;

import java.util.List;
import java.util.Optional;
import org.opencentral.dtdl.DtdlErrorCode;
import org.opencentral.dtdl.model.IotcAdjunct;
import org.opencentral.dtdl.model.Primitive;
import org.opencentral.dtdl.model.Quantity;
import org.opencentral.dtdl.model.Schema;

/** Semantic type + {@code unit}: the unit must belong to the semantic type's unit type; numeric schemas only. */
final class QuantityReader {

    private QuantityReader() {
    }

    static Optional<Quantity> read(Element el, ElementTypes t, Optional<Schema> schema) {
        Optional<String> unit = el.text("unit");
        if (t.semantic().isPresent()) {
            return semantic(el, t.semantic().get(), unit, schema);
        }
        Optional<IotcAdjunct> vector = t.iotc().stream()
                .filter(a -> a == IotcAdjunct.VELOCITY_VECTOR || a == IotcAdjunct.ACCELERATION_VECTOR).findFirst();
        if (vector.isPresent() && unit.isPresent()) {
            String unitType = vector.get() == IotcAdjunct.VELOCITY_VECTOR ? "VelocityUnit" : "AccelerationUnit";
            return checkUnit(el, vector.get().term(), unitType, SemanticUnits.V2.units(unitType), unit.get());
        }
        if (unit.isPresent() && !t.open()) {
            el.child("unit").error(DtdlErrorCode.UNIT_NOT_ALLOWED, "'unit' needs a semantic type in @type, e.g. [\""
                    + t.material() + "\", \"Temperature\"]" + (el.scope().v2() ? ""
                    : "; in DTDL v3 semantic types need the context " + ContextReader.QUANTITATIVE));
        }
        return Optional.empty();
    }

    private static Optional<Quantity> semantic(Element el, String type, Optional<String> unit, Optional<Schema> schema) {
        SemanticUnits table = CoTypes.semanticTable(el.scope()).orElseThrow();
        String unitType = table.unitType(type).orElseThrow();
        List<String> units = table.units(unitType);
        schema.filter(s -> !(s instanceof Primitive p && p.kind().numeric())).ifPresent(s ->
                el.child("schema").error(DtdlErrorCode.SEMANTIC_SCHEMA_NOT_NUMERIC, "semantic type " + type
                        + " needs a numeric schema (double, float, integer or long)"));
        if (unit.isEmpty()) {
            if (!el.has("unit")) {
                el.error(DtdlErrorCode.UNIT_REQUIRED, "semantic type " + type + " requires a 'unit', one of the "
                        + unitType + " units " + units);
            }
            return Optional.empty();
        }
        return checkUnit(el, type, unitType, units, unit.get());
    }

    private static Optional<Quantity> checkUnit(Element el, String type, String unitType, List<String> units,
            String unit) {
        if (!units.contains(unit)) {
            el.child("unit").error(DtdlErrorCode.UNIT_INVALID, "unit '" + unit + "' does not fit " + type + ": expected a "
                    + unitType + " " + units);
            return Optional.empty();
        }
        return Optional.of(new Quantity(type, unitType, unit));
    }
}
