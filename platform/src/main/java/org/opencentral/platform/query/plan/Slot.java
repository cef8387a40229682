package org.opencentral.platform.query.plan;

import org.opencentral.platform.query.ast.SystemField;

/** Where an output column's value is in a result row of the compiled statement. */
public sealed interface Slot {
    /** A device id (text). */
    record Device(int index) implements Slot {
    }

    /** A time in epoch microseconds. */
    record Time(int index) implements Slot {
    }

    /** A telemetry value: the number, flag and text columns at {@code index}, {@code index + 1}, {@code index + 2}. */
    record Value(int index) implements Slot {
    }

    /** An aggregate: a number or null. */
    record Number(int index) implements Slot {
    }

    /** Device metadata the caller fills in from the device of the row's {@link Device} slot. */
    record Metadata(SystemField field) implements Slot {
    }
}
