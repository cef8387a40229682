package org.opencentral.dtdl.model;

import java.util.Objects;

/**
 * A semantic type with its unit, e.g. {@code Temperature} in {@code degreeCelsius} (unit type
 * {@code TemperatureUnit}). Also used for the unit of IoT Central's {@code VelocityVector} and
 * {@code AccelerationVector}.
 */
public record Quantity(String semanticType, String unitType, String unit) {

    public Quantity {
        Objects.requireNonNull(semanticType, "semanticType");
        Objects.requireNonNull(unitType, "unitType");
        Objects.requireNonNull(unit, "unit");
    }
}
