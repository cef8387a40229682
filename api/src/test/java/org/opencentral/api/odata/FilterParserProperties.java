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
import org.opencentral.core.filter.ListFilter;
import org.opencentral.core.filter.ListLiteral;
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
    void printedFiltersParseBackToTheSameTree(@ForAll("filters") ListFilter<DeviceField> filter) {
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
    Arbitrary<ListFilter<DeviceField>> filters() {
        return filter(3);
    }

    private Arbitrary<ListFilter<DeviceField>> filter(int depth) {
        Arbitrary<ListFilter<DeviceField>> leaf = Arbitraries.oneOf(textCompare(), flagCompare(), match());
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<ListFilter<DeviceField>> inner = Arbitraries.lazy(() -> filter(depth - 1));
        return Arbitraries.oneOf(leaf,
                Arbitraries.entries(inner, inner).map(e -> (ListFilter<DeviceField>) new ListFilter.And<>(e.getKey(),
                        e.getValue())),
                Arbitraries.entries(inner, inner).map(e -> (ListFilter<DeviceField>) new ListFilter.Or<>(e.getKey(),
                        e.getValue())),
                inner.map(f -> (ListFilter<DeviceField>) new ListFilter.Not<>(f)));
    }

    private Arbitrary<ListFilter<DeviceField>> textCompare() {
        return Arbitraries.strings().ofMaxLength(6).withChars("ab' %_\\é").flatMap(text -> Arbitraries.of(Op.values())
                .map(op -> new ListFilter.Compare<>(DeviceField.DISPLAY_NAME, op, new ListLiteral.Text(text))));
    }

    private Arbitrary<ListFilter<DeviceField>> flagCompare() {
        return Arbitraries.of(true, false).flatMap(flag -> Arbitraries.of(Op.EQ, Op.NE)
                .map(op -> new ListFilter.Compare<>(DeviceField.CONNECTED, op, new ListLiteral.Bool(flag))));
    }

    private Arbitrary<ListFilter<DeviceField>> match() {
        return Arbitraries.strings().ofMaxLength(4).withChars("x'(").flatMap(text -> Arbitraries.of(TextMatch.values())
                .map(m -> new ListFilter.Match<>(m, DeviceField.ID, text)));
    }

    /** The filter in OData syntax, every binary operation parenthesized. */
    static String odata(ListFilter<DeviceField> filter) {
        return switch (filter) {
            case ListFilter.Compare<DeviceField> c -> c.field().wireName() + " " + c.op().wireName() + " " + switch (c.value()) {
                case ListLiteral.Null n -> "null";
                case ListLiteral.Text t -> quote(t.value());
                case ListLiteral.Bool b -> String.valueOf(b.value());
                case ListLiteral.Time t -> t.value().toString();
            };
            case ListFilter.Match<DeviceField> m -> m.function().wireName() + "(" + m.field().wireName() + ","
                    + quote(m.text()) + ")";
            case ListFilter.And<DeviceField> a -> "(" + odata(a.left()) + " and " + odata(a.right()) + ")";
            case ListFilter.Or<DeviceField> o -> "(" + odata(o.left()) + " or " + odata(o.right()) + ")";
            case ListFilter.Not<DeviceField> n -> "not (" + odata(n.operand()) + ")";
        };
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
