package org.opencentral.dtdl.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencentral.dtdl.DtdlErrorCode;
import org.opencentral.dtdl.model.IotcAdjunct;

/** Classifies co-types by where they may appear. */
final class CoTypes {

    /** Which defined co-types an element kind accepts. */
    enum Policy {
        /** Telemetry, Property: semantic types (v2; v3 with QuantitativeTypes) and IoT Central co-types. */
        CAPABILITY,
        /** Field, MapValue, command payloads: semantic types in v3 with QuantitativeTypes only. */
        QUANTITY,
        /** Interface: IoT Central's NamedInterface. */
        INTERFACE,
        /** No defined co-types. */
        NONE
    }

    private CoTypes() {
    }

    /** The semantic-type table in force for this scope, if any. */
    static Optional<SemanticUnits> semanticTable(ContextScope scope) {
        if (scope.v2()) {
            return Optional.of(SemanticUnits.V2);
        }
        return scope.quantitative() ? Optional.of(SemanticUnits.QUANTITATIVE_TYPES_1) : Optional.empty();
    }

    static ElementTypes classify(Element el, TypeReader.Raw raw, Policy policy) {
        Optional<String> semantic = Optional.empty();
        List<IotcAdjunct> iotc = new ArrayList<>();
        List<String> other = new ArrayList<>();
        boolean named = false;
        Element at = el.child("@type");
        for (String term : raw.coTypes()) {
            if (TypeReader.MATERIAL.contains(term)) {
                continue;
            }
            Optional<SemanticUnits> table = semanticTable(el.scope()).filter(t -> t.isSemanticType(term));
            Optional<IotcAdjunct> adjunct = IotcAdjunct.ofTerm(term).filter(a -> !a.needsContext() || el.scope().iotc());
            if (table.isPresent()) {
                if (!semanticAllowed(el, policy, raw.material(), term)) {
                    other.add(term); // reported; kept as an undefined co-type so its unit is not reported again
                    continue;
                }
                if (semantic.isPresent()) {
                    at.error(DtdlErrorCode.TYPE_INVALID, "two semantic types: " + semantic.get() + " and " + term);
                    continue;
                }
                semantic = Optional.of(term);
            } else if (adjunct.isPresent()) {
                iotcAllowed(el, policy, raw.material(), adjunct.get()).ifPresent(iotc::add);
            } else if (term.equals("NamedInterface") && policy == Policy.INTERFACE) {
                named = true;
            } else {
                other.add(term);
            }
        }
        return new ElementTypes(raw.material(), semantic, iotc, named, other);
    }

    private static boolean semanticAllowed(Element el, Policy policy, String material, String term) {
        boolean allowed = policy == Policy.CAPABILITY || (policy == Policy.QUANTITY && !el.scope().v2());
        if (!allowed) {
            el.child("@type").error(DtdlErrorCode.COTYPE_NOT_ALLOWED, "semantic type " + term + " cannot co-type a "
                    + material + (el.scope().v2() ? " in DTDL v2 (only Telemetry and Property)" : ""));
        }
        return allowed;
    }

    private static Optional<IotcAdjunct> iotcAllowed(Element el, Policy policy, String material, IotcAdjunct adjunct) {
        boolean allowed = policy == Policy.CAPABILITY
                && (adjunct != IotcAdjunct.CLOUD || material.equals("Property"));
        if (!allowed) {
            el.child("@type").error(DtdlErrorCode.COTYPE_NOT_ALLOWED,
                    "IoT Central co-type " + adjunct.term() + " cannot co-type a " + material);
            return Optional.empty();
        }
        return Optional.of(adjunct);
    }
}
