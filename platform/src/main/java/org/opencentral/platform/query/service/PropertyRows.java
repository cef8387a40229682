package org.opencentral.platform.query.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opencentral.core.Json;
import org.opencentral.core.device.Device;
import org.opencentral.core.template.CloudPropertyValue;
import org.opencentral.platform.query.Column;
import org.opencentral.platform.query.QueryFilter;
import org.opencentral.platform.query.QueryOrdering;
import org.opencentral.platform.query.Query;
import org.opencentral.platform.query.ValueRef;
import org.opencentral.platform.query.ast.ComparisonOperator;
import org.opencentral.platform.query.ast.QueryLiteral;
import org.opencentral.platform.query.ast.SortDirection;
import org.opencentral.platform.template.CloudProperties;
import org.opencentral.platform.twin.TwinService;

/**
 * Property queries, one row per device: reported properties from the twin, cloud properties from
 * the platform, metadata from the registry, filtered, ordered (then by device id) and capped in Java.
 */
final class PropertyRows {
    private final TwinService twins;
    private final CloudProperties cloud;

    PropertyRows(TwinService twins, CloudProperties cloud) {
        this.twins = Objects.requireNonNull(twins);
        this.cloud = Objects.requireNonNull(cloud);
    }

    /** The values of one device. */
    private record DeviceValues(Device device, ObjectNode reported, List<CloudPropertyValue> cloud) {
        JsonNode json(ValueRef value) {
            return switch (value) {
                case ValueRef.Capability c when c.kind() == org.opencentral.platform.query.CapabilityKind.CLOUD_PROPERTY ->
                        member(cloud.stream().filter(v -> v.component().equals(c.component().orElse(""))
                                && v.name().equals(c.name())).findFirst().map(CloudPropertyValue::value)
                                .orElse(null), c.members());
                case ValueRef.Capability c -> member(c.component().map(reported::get).map(n -> n.get(c.name()))
                        .orElseGet(() -> c.component().isEmpty() ? reported.get(c.name()) : null), c.members());
                case ValueRef.Builtin b -> literalJson(MetadataFilter.value(b.field(), device));
                case ValueRef.Aggregate a -> throw new IllegalStateException("aggregate in a property query");
            };
        }

        QueryLiteral literal(ValueRef value) {
            return LiteralComparisons.of(json(value));
        }
    }

    List<ObjectNode> run(Query query, ResolvedDevices devices) {
        List<DeviceValues> rows = new ArrayList<>();
        for (Device device : devices.all()) {
            DeviceValues values = new DeviceValues(device, twins.get(device.id()).reported().properties(),
                    cloud.of(device.id()));
            if (query.filter().map(f -> test(f, values)).orElse(true)) {
                rows.add(values);
            }
        }
        rows.sort(order(query.orderBy()));
        return rows.stream().limit(query.limit()).map(v -> json(query, v)).toList();
    }

    private static boolean test(QueryFilter filter, DeviceValues values) {
        return switch (filter) {
            case QueryFilter.All all -> all.operands().stream().allMatch(f -> test(f, values));
            case QueryFilter.Any any -> any.operands().stream().anyMatch(f -> test(f, values));
            case QueryFilter.Not not -> !test(not.operand(), values);
            case QueryFilter.Compare c -> LiteralComparisons.test(values.literal(c.value()), c.operator(), c.literal());
            case QueryFilter.In in -> in.values().stream()
                    .anyMatch(l -> LiteralComparisons.test(values.literal(in.value()), ComparisonOperator.EQ, l));
        };
    }

    private static Comparator<DeviceValues> order(List<QueryOrdering> orderBy) {
        Comparator<DeviceValues> order = (a, b) -> 0;
        for (QueryOrdering ordering : orderBy) {
            Comparator<QueryLiteral> values = ordering.direction() == SortDirection.ASC ? LiteralComparisons.ORDER
                    : LiteralComparisons.ORDER.reversed();
            Comparator<QueryLiteral> nullsLast = (x, y) -> x instanceof QueryLiteral.Null || y instanceof QueryLiteral.Null
                    ? LiteralComparisons.ORDER.compare(x, y) : values.compare(x, y);
            order = order.thenComparing(v -> v.literal(ordering.value()), nullsLast);
        }
        return order.thenComparing(v -> v.device().id());
    }

    private static ObjectNode json(Query query, DeviceValues values) {
        ObjectNode json = Json.object();
        for (Column column : query.columns()) {
            Optional.ofNullable(values.json(column.value())).filter(n -> !n.isNull())
                    .ifPresent(n -> json.set(column.name(), n.deepCopy()));
        }
        return json;
    }

    /** The member at {@code path} inside an object value, or null when the value lacks it. */
    private static JsonNode member(JsonNode value, List<String> path) {
        JsonNode node = value;
        for (String name : path) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(name);
        }
        return node;
    }

    private static JsonNode literalJson(QueryLiteral literal) {
        ObjectNode holder = Json.object();
        RowJson.put(holder, "v", literal);
        return holder.get("v");
    }
}
