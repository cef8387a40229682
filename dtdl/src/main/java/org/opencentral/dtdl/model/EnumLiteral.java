package org.opencentral.dtdl.model;

import java.util.Objects;

/** The on-the-wire value of an enum member: an integer or a string. */
public sealed interface EnumLiteral {

    /** An integer enum value. */
    record IntegerValue(int value) implements EnumLiteral {
    }

    /** A string enum value. */
    record StringValue(String value) implements EnumLiteral {
        public StringValue {
            Objects.requireNonNull(value, "value");
        }
    }
}
