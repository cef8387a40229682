package org.opencentral.core.filter;

/**
 * A filterable member of a listed item. {@code wireName} is its name in filters and orderings;
 * {@code nullable} says whether the member may be absent (then it compares with {@code null});
 * {@code sortable} whether it may be ordered by.
 */
public interface ListField {
    String wireName();

    ValueType type();

    boolean nullable();

    boolean sortable();
}
