package org.opencentral.dtdl.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * IoT Central co-types: the extension's adjunct types ({@code State}, {@code Event},
 * {@code Location}, {@code VelocityVector}, {@code AccelerationVector}) and the template co-types
 * IoT Central writes into device templates ({@code Cloud}, {@code Initialized}, {@code EventValue}).
 */
public enum IotcAdjunct {
    STATE("State", true),
    EVENT("Event", true),
    LOCATION("Location", true),
    VELOCITY_VECTOR("VelocityVector", true),
    ACCELERATION_VECTOR("AccelerationVector", true),
    CLOUD("Cloud", false),
    INITIALIZED("Initialized", false),
    EVENT_VALUE("EventValue", false);

    private final String term;
    private final boolean needsContext;

    IotcAdjunct(String term, boolean needsContext) {
        this.term = term;
        this.needsContext = needsContext;
    }

    public String term() {
        return term;
    }

    /** True when the term is defined by {@code dtmi:iotcentral:context;2} (not a template-only co-type). */
    public boolean needsContext() {
        return needsContext;
    }

    public static Optional<IotcAdjunct> ofTerm(String term) {
        return Arrays.stream(values()).filter(a -> a.term.equals(term)).findFirst();
    }
}
