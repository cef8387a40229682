package org.opencentral.platform.query.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencentral.core.device.Device;
import org.opencentral.platform.query.QueryFilter;
import org.opencentral.platform.query.ValueRef;
import org.opencentral.platform.query.ast.QueryLiteral;
import org.opencentral.platform.query.ast.SystemField;

/** Conditions on device metadata ({@code $id}, {@code $displayName}, {@code $provisioned}, …), evaluated in Java. */
final class MetadataFilter {
    private MetadataFilter() {
    }

    /** Whether the condition reads device metadata only (not {@code $ts}, not capabilities). */
    static boolean isMetadata(QueryFilter filter) {
        return switch (filter) {
            case QueryFilter.All all -> all.operands().stream().allMatch(MetadataFilter::isMetadata);
            case QueryFilter.Any any -> any.operands().stream().allMatch(MetadataFilter::isMetadata);
            case QueryFilter.Not not -> isMetadata(not.operand());
            case QueryFilter.Compare compare -> metadata(compare.value());
            case QueryFilter.In in -> metadata(in.value());
        };
    }

    /** The top-level AND operands of a filter. */
    static List<QueryFilter> conjuncts(QueryFilter filter) {
        return filter instanceof QueryFilter.All all ? all.operands() : List.of(filter);
    }

    /** The AND of filters, if any. */
    static Optional<QueryFilter> all(List<QueryFilter> filters) {
        return switch (filters.size()) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(filters.get(0));
            default -> Optional.of(new QueryFilter.All(new ArrayList<>(filters)));
        };
    }

    /** Evaluates a metadata condition ({@link #isMetadata}) for one device. */
    static boolean test(QueryFilter filter, Device device) {
        return switch (filter) {
            case QueryFilter.All all -> all.operands().stream().allMatch(f -> test(f, device));
            case QueryFilter.Any any -> any.operands().stream().anyMatch(f -> test(f, device));
            case QueryFilter.Not not -> !test(not.operand(), device);
            case QueryFilter.Compare compare -> LiteralComparisons.test(value(compare.value(), device), compare.operator(),
                    compare.literal());
            case QueryFilter.In in -> in.values().stream().anyMatch(l -> LiteralComparisons.test(value(in.value(), device),
                    org.opencentral.platform.query.ast.ComparisonOperator.EQ, l));
        };
    }

    /** A metadata value of a device as a literal, for comparisons and output. */
    static QueryLiteral value(ValueRef value, Device device) {
        if (!(value instanceof ValueRef.Builtin b)) {
            throw new IllegalStateException("not metadata: " + value);
        }
        return value(b.field(), device);
    }

    static QueryLiteral value(SystemField field, Device device) {
        return switch (field) {
            case ID -> new QueryLiteral.Str(device.id().value());
            case DISPLAY_NAME -> new QueryLiteral.Str(device.displayName());
            case TEMPLATE -> device.template().<QueryLiteral>map(QueryLiteral.Str::new).orElse(QueryLiteral.Null.INSTANCE);
            case PROVISIONED -> new QueryLiteral.Bool(device.provisioned());
            case SIMULATED -> new QueryLiteral.Bool(device.simulated());
            case ENABLED -> new QueryLiteral.Bool(device.enabled());
            case TS -> throw new IllegalStateException("$ts is not metadata");
        };
    }

    private static boolean metadata(ValueRef value) {
        return value instanceof ValueRef.Builtin b && b.field() != SystemField.TS;
    }
}
