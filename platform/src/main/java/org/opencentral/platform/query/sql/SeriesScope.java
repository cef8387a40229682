package org.opencentral.platform.query.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencentral.core.telemetry.TelemetrySql;
import org.opencentral.platform.query.Filter;
import org.opencentral.platform.query.Ordering;
import org.opencentral.platform.query.Query;
import org.opencentral.platform.query.ValueRef;

/**
 * The telemetry capabilities a query reads, numbered 0, 1, … in order of appearance, and the CTE
 * {@code s(id, device_id, k)} of their series for the query's devices ({@code k}: the number).
 * With no capability named, {@code s} holds every series of the devices and {@code k} is 0. A member
 * of an object-typed telemetry ({@code location.lat}) is its own series, named by its dotted path.
 */
final class SeriesScope {
    private final List<ValueRef.Capability> capabilities = new ArrayList<>();

    static SeriesScope of(Query query) {
        SeriesScope scope = new SeriesScope();
        query.columns().forEach(c -> scope.collect(c.value()));
        query.filter().ifPresent(scope::collect);
        query.orderBy().stream().map(Ordering::value).forEach(scope::collect);
        return scope;
    }

    List<ValueRef.Capability> capabilities() {
        return List.copyOf(capabilities);
    }

    /** The number of a capability the query reads. */
    int index(ValueRef.Capability capability) {
        int index = capabilities.indexOf(capability);
        if (index < 0) {
            throw new IllegalStateException("capability not collected: " + capability);
        }
        return index;
    }

    /** {@code s AS (SELECT id, device_id, k FROM series WHERE …)}. */
    void cte(Sql sql, List<String> devices) {
        sql.sql("s AS (SELECT id, device_id, ");
        if (capabilities.isEmpty()) {
            sql.sql("0");
        } else {
            sql.sql("CASE");
            for (int i = 0; i < capabilities.size(); i++) {
                sql.sql(" WHEN ");
                matches(sql, capabilities.get(i));
                sql.sql(" THEN " + i);
            }
            sql.sql(" END");
        }
        sql.sql(" AS k FROM series WHERE device_id = ANY(").bind(new TelemetrySql.StringList(devices)).sql(")");
        if (!capabilities.isEmpty()) {
            sql.sql(" AND (");
            for (int i = 0; i < capabilities.size(); i++) {
                sql.sql(i > 0 ? " OR " : "");
                matches(sql, capabilities.get(i));
            }
            sql.sql(")");
        }
        sql.sql(")");
    }

    private static void matches(Sql sql, ValueRef.Capability capability) {
        sql.sql("(component = ").bind(capability.component().orElse("")).sql(" AND capability = ")
                .bind(capability.memberPath()).sql(")");
    }

    private void collect(Filter filter) {
        switch (filter) {
            case Filter.All all -> all.operands().forEach(this::collect);
            case Filter.Any any -> any.operands().forEach(this::collect);
            case Filter.Not not -> collect(not.operand());
            case Filter.Compare compare -> collect(compare.value());
            case Filter.In in -> collect(in.value());
        }
    }

    private void collect(ValueRef value) {
        Optional<ValueRef.Capability> capability = switch (value) {
            case ValueRef.Capability c -> Optional.of(c);
            case ValueRef.Aggregate a -> a.argument();
            case ValueRef.Builtin b -> Optional.empty();
        };
        capability.filter(c -> !capabilities.contains(c)).ifPresent(capabilities::add);
    }
}
