package org.opencentral.core.filter;

import java.util.Locale;

/** The comparison operators, named as in OData. */
public enum Op {
    EQ, NE, GT, GE, LT, LE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this operator orders values (rather than only testing equality). */
    public boolean ordering() {
        return this != EQ && this != NE;
    }

    /** Whether a comparison result {@code cmp} (as from {@code compareTo}) satisfies this operator. */
    public boolean holds(int cmp) {
        return switch (this) {
            case EQ -> cmp == 0;
            case NE -> cmp != 0;
            case GT -> cmp > 0;
            case GE -> cmp >= 0;
            case LT -> cmp < 0;
            case LE -> cmp <= 0;
        };
    }
}
