package org.opencentral.core.filter;

/** What a field holds, which decides the literals and operators it can be compared with. */
public enum ValueType {
    TEXT,
    BOOLEAN,
    INSTANT
}
