package org.opencentral.platform.query.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencentral.core.device.Device;
import org.opencentral.platform.query.Filter;
import org.opencentral.platform.query.ValueRef;
import org.opencentral.platform.query.ast.Literal;
import org.opencentral.platform.query.ast.SystemField;

/** Conditions on device metadata ({@code $id}, {@code $displayName}, {@code $provisioned}, …), evaluated in Java. */
final class MetadataFilter {
    private MetadataFilter() {
    }

    /** Whether the condition reads device metadata only (not {@code $ts}, not capabilities). */
    static boolean isMetadata(Filter filter) {
        return switch (filter) {
            case Filter.All all -> all.operands().stream().allMatch(MetadataFilter::isMetadata);
            case Filter.Any any -> any.operands().stream().allMatch(MetadataFilter::isMetadata);
            case Filter.Not not -> isMetadata(not.operand());
            case Filter.Compare compare -> metadata(compare.value());
            case Filter.In in -> metadata(in.value());
        };
    }

    /** The top-level AND operands of a filter. */
    static List<Filter> conjuncts(Filter filter) {
        return filter instanceof Filter.All all ? all.operands() : List.of(filter);
    }

    /** The AND of filters, if any. */
    static Optional<Filter> all(List<Filter> filters) {
        return switch (filters.size()) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(filters.get(0));
            default -> Optional.of(new Filter.All(new ArrayList<>(filters)));
        };
    }

    /** Evaluates a metadata condition ({@link #isMetadata}) for one device. */
    static boolean test(Filter filter, Device device) {
        return switch (filter) {
            case Filter.All all -> all.operands().stream().allMatch(f -> test(f, device));
            case Filter.Any any -> any.operands().stream().anyMatch(f -> test(f, device));
            case Filter.Not not -> !test(not.operand(), device);
            case Filter.Compare compare -> Comparisons.test(value(compare.value(), device), compare.operator(),
                    compare.literal());
            case Filter.In in -> in.values().stream().anyMatch(l -> Comparisons.test(value(in.value(), device),
                    org.opencentral.platform.query.ast.ComparisonOperator.EQ, l));
        };
    }

    /** A metadata value of a device as a literal, for comparisons and output. */
    static Literal value(ValueRef value, Device device) {
        if (!(value instanceof ValueRef.Builtin b)) {
            throw new IllegalStateException("not metadata: " + value);
        }
        return value(b.field(), device);
    }

    static Literal value(SystemField field, Device device) {
        return switch (field) {
            case ID -> new Literal.Str(device.id().value());
            case DISPLAY_NAME -> new Literal.Str(device.displayName());
            case TEMPLATE -> device.template().<Literal>map(Literal.Str::new).orElse(Literal.Null.INSTANCE);
            case PROVISIONED -> new Literal.Bool(device.provisioned());
            case SIMULATED -> new Literal.Bool(device.simulated());
            case ENABLED -> new Literal.Bool(device.enabled());
            case TS -> throw new IllegalStateException("$ts is not metadata");
        };
    }

    private static boolean metadata(ValueRef value) {
        return value instanceof ValueRef.Builtin b && b.field() != SystemField.TS;
    }
}
