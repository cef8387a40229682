package org.opencentral.platform.query.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.opencentral.platform.query.QueryKind;
import org.opencentral.platform.query.ValueRef;
import org.opencentral.platform.query.ast.SourcePosition;
import org.opencentral.platform.query.ast.SystemField;

/**
 * Decides whether a query reads telemetry or properties from what it mentions, and rejects a
 * query that mentions both. Metadata ({@code $id}, {@code $provisioned}, …) suits either; a query
 * that mentions only metadata is a property query (one row per device).
 */
final class KindInference {
    private static final String BOTH = ": a query reads either telemetry or properties, not both";
    private final List<Signal> signals = new ArrayList<>();

    /** Something in the query that implies a kind, as error messages describe it. */
    private record Signal(QueryKind kind, String subject, String nature, SourcePosition position) {
    }

    void value(ValueRef value, SourcePosition position) {
        switch (value) {
            case ValueRef.Capability c -> signals.add(new Signal(
                    c.kind().isProperty() ? QueryKind.PROPERTIES : QueryKind.TELEMETRY,
                    "'" + c.path() + "'", "is " + c.kind().describe(), position));
            case ValueRef.Builtin b -> {
                if (b.field() == SystemField.TS) {
                    telemetryOnly("$ts", "is the telemetry timestamp", position);
                }
            }
            case ValueRef.Aggregate a -> telemetryOnly(Describe.value(a), "aggregates telemetry", position);
        }
    }

    void telemetryOnly(String subject, String nature, SourcePosition position) {
        signals.add(new Signal(QueryKind.TELEMETRY, subject, nature, position));
    }

    QueryKind infer() {
        List<Signal> ordered = new ArrayList<>(signals);
        ordered.sort(Comparator.comparingInt(s -> s.position().offset()));
        if (ordered.isEmpty()) {
            return QueryKind.PROPERTIES;
        }
        Signal first = ordered.get(0);
        for (Signal s : ordered) {
            if (s.kind() != first.kind()) {
                throw QueryErrors.at(s.position(), s.subject() + " " + s.nature() + ", but " + first.subject()
                        + " at " + first.position() + " " + first.nature() + BOTH);
            }
        }
        return first.kind();
    }
}
