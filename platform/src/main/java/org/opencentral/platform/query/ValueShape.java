package org.opencentral.platform.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The shape of a capability's value as far as queries care: a scalar, an object whose members a
 * query may name ({@code location.lat}), or an opaque value (a map, an array, a GeoJSON geometry)
 * that can be returned whole but whose parts cannot be named.
 */
public sealed interface ValueShape permits ValueShape.Scalar, ValueShape.Members, ValueShape.Opaque {

    /** How error messages call the schema: {@code "double"}, {@code "geopoint"}, {@code "an Object"}. */
    String describe();

    /** A number, boolean, string, time, duration or enum value. */
    record Scalar(String describe) implements ValueShape {
        public Scalar {
            Objects.requireNonNull(describe);
        }
    }

    /** An object: Object schemas, IoT Central's geopoint ({@code lat, lon, alt}) and vector ({@code x, y, z}). */
    record Members(String describe, Map<String, ValueShape> members) implements ValueShape {
        public Members {
            Objects.requireNonNull(describe);
            members = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(members));
            if (members.isEmpty()) {
                throw new IllegalArgumentException("an object shape has members");
            }
        }

        public Optional<ValueShape> member(String name) {
            return Optional.ofNullable(members.get(name));
        }

        /** The member names in schema order. */
        public List<String> names() {
            return List.copyOf(members.keySet());
        }
    }

    /** A value whose parts have no fixed names: a Map, an Array, a GeoJSON geometry. */
    record Opaque(String describe) implements ValueShape {
        public Opaque {
            Objects.requireNonNull(describe);
        }
    }

    /** The shape of a plain value, for catalogs that know nothing more. */
    ValueShape SCALAR = new Scalar("a scalar");
}
