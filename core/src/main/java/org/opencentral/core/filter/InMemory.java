package org.opencentral.core.filter;

import java.util.Comparator;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * Evaluates filters and orderings over items held in memory, with the same semantics the state
 * store's SQL has: two-valued comparisons (see {@link ListFilter}), case-insensitive text matching,
 * text ordered by its lower-case form, absent values first in ascending order.
 */
public final class InMemory {
    private InMemory() {
    }

    /** The filter as a predicate over items whose field values {@code valueOf} reads. */
    public static <F extends ListField, T> Predicate<T> predicate(ListFilter<F> filter, BiFunction<T, F, ListLiteral> valueOf) {
        return item -> test(filter, item, valueOf);
    }

    /** The ordering as a comparator (without the id tie-break, which the caller appends). */
    public static <F extends ListField, T> Comparator<T> comparator(ListOrdering<F> ordering,
            BiFunction<T, F, ListLiteral> valueOf) {
        Comparator<T> ascending = (a, b) -> compare(valueOf.apply(a, ordering.field()),
                valueOf.apply(b, ordering.field()), true);
        return ordering.direction() == ListOrdering.Direction.ASC ? ascending : ascending.reversed();
    }

    private static <F extends ListField, T> boolean test(ListFilter<F> filter, T item, BiFunction<T, F, ListLiteral> valueOf) {
        return switch (filter) {
            case ListFilter.Compare<F> c -> compare(valueOf.apply(item, c.field()), c.op(), c.value());
            case ListFilter.Match<F> m -> valueOf.apply(item, m.field()) instanceof ListLiteral.Text t
                    && m.function().test(t.value(), m.text());
            case ListFilter.And<F> a -> test(a.left(), item, valueOf) && test(a.right(), item, valueOf);
            case ListFilter.Or<F> o -> test(o.left(), item, valueOf) || test(o.right(), item, valueOf);
            case ListFilter.Not<F> n -> !test(n.operand(), item, valueOf);
        };
    }

    private static boolean compare(ListLiteral actual, Op op, ListLiteral expected) {
        boolean actualNull = actual instanceof ListLiteral.Null;
        boolean expectedNull = expected instanceof ListLiteral.Null;
        if (actualNull || expectedNull) {
            return switch (op) {
                case EQ -> actualNull && expectedNull;
                case NE -> actualNull != expectedNull;
                case GT, GE, LT, LE -> false;
            };
        }
        return op.holds(compare(actual, expected, false));
    }

    private static int compare(ListLiteral a, ListLiteral b, boolean folded) {
        return switch (a) {
            case ListLiteral.Null n -> b instanceof ListLiteral.Null ? 0 : -1;
            case ListLiteral.Text t -> b instanceof ListLiteral.Text u ? compareText(t.value(), u.value(), folded) : 1;
            case ListLiteral.Bool x -> b instanceof ListLiteral.Bool y ? Boolean.compare(x.value(), y.value()) : 1;
            case ListLiteral.Time x -> b instanceof ListLiteral.Time y ? x.value().compareTo(y.value()) : 1;
        };
    }

    private static int compareText(String a, String b, boolean folded) {
        return folded ? a.toLowerCase(Locale.ROOT).compareTo(b.toLowerCase(Locale.ROOT)) : a.compareTo(b);
    }
}
