package org.opencentral.platform.query.internal;

import org.opencentral.platform.query.ValueRef;

/** How error messages name resolved values: {@code 'temperature'}, {@code $id}, {@code AVG(temperature)}. */
final class Describe {
    private Describe() {
    }

    static String value(ValueRef value) {
        return switch (value) {
            case ValueRef.Capability c -> "'" + c.path() + "'";
            case ValueRef.Builtin b -> b.field().text();
            case ValueRef.Aggregate a -> a.function() + "(" + a.argument().map(ValueRef.Capability::path).orElse("*") + ")";
        };
    }
}
