package org.opencentral.api.odata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.filter.Filter;
import org.opencentral.core.filter.Literal;
import org.opencentral.core.filter.Op;
import org.opencentral.core.filter.TextMatch;
import org.opencentral.core.store.DeviceField;

/** Random input: the parser answers a filter or a BAD_REQUEST, never anything else; printed filters read back. */
class FilterParserProperties {
    private static final List<String> PIECES = List.of("id", "displayName", "enabled", "lastActivity", "template",
            "organizations", "eq", "ne", "gt", "le", "and", "or", "not", "(", ")", ",", "/", "any", ":", "o",
            "'x'", "''", "'", "true", "false", "null", "42", "-1", "2026-11-26T10:00:00Z", "contains", "startswith",
            " ", " ", " ", "\t", "%", ";", "\\", "é", "$");

    @Property(tries = 2000)
    void randomTextParsesOrIsABadRequest(@ForAll("texts") String text) {
        try {
            FilterParser.parse(text, FilterParserTest.FIELDS);
        } catch (DomainException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
            assertThat(e.getMessage()).startsWith("$filter");
        }
    }

    @Property(tries = 500)
    void printedFiltersParseBackToTheSameTree(@ForAll("filters") Filter<DeviceField> filter) {
        assertThat(FilterParser.parse(odata(filter), FilterParserTest.FIELDS)).isEqualTo(filter);
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> piece = Arbitraries.of(PIECES);
        Arbitrary<String> noise = Arbitraries.strings().ofMaxLength(3);
        return Arbitraries.oneOf(piece, piece, piece, noise).list().ofMaxSize(25)
                .map(parts -> String.join(" ", parts));
    }

    @Provide
    Arbitrary<Filter<DeviceField>> filters() {
        return filter(3);
    }

    private Arbitrary<Filter<DeviceField>> filter(int depth) {
        Arbitrary<Filter<DeviceField>> leaf = Arbitraries.oneOf(textCompare(), flagCompare(), match());
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Filter<DeviceField>> inner = Arbitraries.lazy(() -> filter(depth - 1));
        return Arbitraries.oneOf(leaf,
                Arbitraries.entries(inner, inner).map(e -> (Filter<DeviceField>) new Filter.And<>(e.getKey(),
                        e.getValue())),
                Arbitraries.entries(inner, inner).map(e -> (Filter<DeviceField>) new Filter.Or<>(e.getKey(),
                        e.getValue())),
                inner.map(f -> (Filter<DeviceField>) new Filter.Not<>(f)));
    }

    private Arbitrary<Filter<DeviceField>> textCompare() {
        return Arbitraries.strings().ofMaxLength(6).withChars("ab' %_\\é").flatMap(text -> Arbitraries.of(Op.values())
                .map(op -> new Filter.Compare<>(DeviceField.DISPLAY_NAME, op, new Literal.Text(text))));
    }

    private Arbitrary<Filter<DeviceField>> flagCompare() {
        return Arbitraries.of(true, false).flatMap(flag -> Arbitraries.of(Op.EQ, Op.NE)
                .map(op -> new Filter.Compare<>(DeviceField.CONNECTED, op, new Literal.Bool(flag))));
    }

    private Arbitrary<Filter<DeviceField>> match() {
        return Arbitraries.strings().ofMaxLength(4).withChars("x'(").flatMap(text -> Arbitraries.of(TextMatch.values())
                .map(m -> new Filter.Match<>(m, DeviceField.ID, text)));
    }

    /** The filter in OData syntax, every binary operation parenthesized. */
    static String odata(Filter<DeviceField> filter) {
        return switch (filter) {
            case Filter.Compare<DeviceField> c -> c.field().wireName() + " " + c.op().wireName() + " " + switch (c.value()) {
                case Literal.Null n -> "null";
                case Literal.Text t -> quote(t.value());
                case Literal.Bool b -> String.valueOf(b.value());
                case Literal.Time t -> t.value().toString();
            };
            case Filter.Match<DeviceField> m -> m.function().wireName() + "(" + m.field().wireName() + ","
                    + quote(m.text()) + ")";
            case Filter.And<DeviceField> a -> "(" + odata(a.left()) + " and " + odata(a.right()) + ")";
            case Filter.Or<DeviceField> o -> "(" + odata(o.left()) + " or " + odata(o.right()) + ")";
            case Filter.Not<DeviceField> n -> "not (" + odata(n.operand()) + ")";
        };
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
