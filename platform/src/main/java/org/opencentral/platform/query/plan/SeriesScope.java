package org.opencentral.platform.query.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencentral.core.telemetry.TelemetryQuery;
import org.opencentral.platform.query.QueryFilter;
import org.opencentral.platform.query.QueryOrdering;
import org.opencentral.platform.query.Query;
import org.opencentral.platform.query.ValueRef;

/**
 * The telemetry capabilities a query reads, numbered 0, 1, … in order of appearance: the plan's
 * series. A member of an object-typed telemetry ({@code location.lat}) is its own series, named by
 * its dotted path.
 */
final class SeriesScope {
    private final List<ValueRef.Capability> capabilities = new ArrayList<>();

    static SeriesScope of(Query query) {
        SeriesScope scope = new SeriesScope();
        query.columns().forEach(c -> scope.collect(c.value()));
        query.filter().ifPresent(scope::collect);
        query.orderBy().stream().map(QueryOrdering::value).forEach(scope::collect);
        return scope;
    }

    List<TelemetryQuery.Series> series() {
        return capabilities.stream()
                .map(c -> new TelemetryQuery.Series(c.component().orElse(""), c.memberPath())).toList();
    }

    /** The number of a capability the query reads. */
    int index(ValueRef.Capability capability) {
        int index = capabilities.indexOf(capability);
        if (index < 0) {
            throw new IllegalStateException("capability not collected: " + capability);
        }
        return index;
    }

    private void collect(QueryFilter filter) {
        switch (filter) {
            case QueryFilter.All all -> all.operands().forEach(this::collect);
            case QueryFilter.Any any -> any.operands().forEach(this::collect);
            case QueryFilter.Not not -> collect(not.operand());
            case QueryFilter.Compare compare -> collect(compare.value());
            case QueryFilter.In in -> collect(in.value());
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
