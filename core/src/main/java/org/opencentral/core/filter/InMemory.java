package org.opencentral.core.filter;

import java.util.Comparator;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * Evaluates filters and orderings over items held in memory, with the same semantics the state
 * store's SQL has: two-valued comparisons (see {@link Filter}), case-insensitive text matching,
 * text ordered by its lower-case form, absent values first in ascending order.
 */
public final class InMemory {
    private InMemory() {
    }

    /** The filter as a predicate over items whose field values {@code valueOf} reads. */
    public static <F extends Field, T> Predicate<T> predicate(Filter<F> filter, BiFunction<T, F, Literal> valueOf) {
        return item -> test(filter, item, valueOf);
    }

    /** The ordering as a comparator (without the id tie-break, which the caller appends). */
    public static <F extends Field, T> Comparator<T> comparator(Ordering<F> ordering,
            BiFunction<T, F, Literal> valueOf) {
        Comparator<T> ascending = (a, b) -> compare(valueOf.apply(a, ordering.field()),
                valueOf.apply(b, ordering.field()), true);
        return ordering.direction() == Ordering.Direction.ASC ? ascending : ascending.reversed();
    }

    private static <F extends Field, T> boolean test(Filter<F> filter, T item, BiFunction<T, F, Literal> valueOf) {
        return switch (filter) {
            case Filter.Compare<F> c -> compare(valueOf.apply(item, c.field()), c.op(), c.value());
            case Filter.Match<F> m -> valueOf.apply(item, m.field()) instanceof Literal.Text t
                    && m.function().test(t.value(), m.text());
            case Filter.And<F> a -> test(a.left(), item, valueOf) && test(a.right(), item, valueOf);
            case Filter.Or<F> o -> test(o.left(), item, valueOf) || test(o.right(), item, valueOf);
            case Filter.Not<F> n -> !test(n.operand(), item, valueOf);
        };
    }

    private static boolean compare(Literal actual, Op op, Literal expected) {
        boolean actualNull = actual instanceof Literal.Null;
        boolean expectedNull = expected instanceof Literal.Null;
        if (actualNull || expectedNull) {
            return switch (op) {
                case EQ -> actualNull && expectedNull;
                case NE -> actualNull != expectedNull;
                case GT, GE, LT, LE -> false;
            };
        }
        return op.holds(compare(actual, expected, false));
    }

    private static int compare(Literal a, Literal b, boolean folded) {
        return switch (a) {
            case Literal.Null n -> b instanceof Literal.Null ? 0 : -1;
            case Literal.Text t -> b instanceof Literal.Text u ? compareText(t.value(), u.value(), folded) : 1;
            case Literal.Bool x -> b instanceof Literal.Bool y ? Boolean.compare(x.value(), y.value()) : 1;
            case Literal.Time x -> b instanceof Literal.Time y ? x.value().compareTo(y.value()) : 1;
        };
    }

    private static int compareText(String a, String b, boolean folded) {
        return folded ? a.toLowerCase(Locale.ROOT).compareTo(b.toLowerCase(Locale.ROOT)) : a.compareTo(b);
    }
}
