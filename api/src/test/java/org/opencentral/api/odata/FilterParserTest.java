package org.opencentral.api.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.filter.ListFilter;
import org.opencentral.core.filter.ListLiteral;
import org.opencentral.core.store.DeviceField;

/** A golden table of $filter and $orderby texts and what they mean, or the error they get. */
class FilterParserTest {
    static final Fields<DeviceField> FIELDS = Fields.of(DeviceField.values());

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("id eq 'a'", "id eq 'a'"),
                Arguments.of("displayName ne 'O''Brien'", "displayName ne 'O'Brien'"),
                Arguments.of("enabled eq true", "enabled eq true"),
                Arguments.of("provisioned eq false and simulated eq false",
                        "(provisioned eq false and simulated eq false)"),
                Arguments.of("connected eq true or enabled eq false or simulated eq true",
                        "((connected eq true or enabled eq false) or simulated eq true)"),
                Arguments.of("enabled eq true or connected eq true and simulated eq true",
                        "(enabled eq true or (connected eq true and simulated eq true))"),
                Arguments.of("not (template eq null)", "not template eq null"),
                Arguments.of("not not enabled eq true", "not not enabled eq true"),
                Arguments.of("template ne null", "template ne null"),
                Arguments.of("lastActivity gt 2026-11-26T10:00:00Z", "lastActivity gt 2026-11-26T10:00:00Z"),
                Arguments.of("lastActivity le '2026-11-26T11:00:00+01:00'", "lastActivity le 2026-11-26T10:00:00Z"),
                Arguments.of("lastActivity lt 2026-11-26T10:00:00.5Z", "lastActivity lt 2026-11-26T10:00:00.500Z"),
                Arguments.of("id ge 'm' and id lt 'n'", "(id ge 'm' and id lt 'n')"),
                Arguments.of("contains(displayName,'therm')", "contains(displayName, 'therm')"),
                Arguments.of("  startswith( id , 'dev-' )  ", "startswith(id, 'dev-')"),
                Arguments.of("endswith(template,';1')", "endswith(template, ';1')"),
                Arguments.of("organizations eq 'west'", "organizations eq 'west'"),
                Arguments.of("organizations/any(o: o eq 'west')", "organizations eq 'west'"),
                Arguments.of("((enabled eq true))", "enabled eq true"),
                Arguments.of("contains(displayName,'') and displayName eq ''",
                        "(contains(displayName, '') and displayName eq '')"),
                Arguments.of("displayName eq 'a and b or not c'", "displayName eq 'a and b or not c'"));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("", "expected a field name (id, displayName, template, enabled, provisioned, simulated,"
                        + " organizations, connected, lastActivity) at position 1, found the end of the expression"),
                Arguments.of("colour eq 'red'", "unknown field 'colour' at position 1; expected one of id, "),
                Arguments.of("id eq", "expected a quoted string for id at position 6, found the end"),
                Arguments.of("id equals 'a'", "expected a comparison operator (eq, ne, gt, ge, lt, le) at position 4,"
                        + " found 'equals'"),
                Arguments.of("id eq 'a' xor id eq 'b'", "expected 'and', 'or' or the end of the expression at "
                        + "position 11, found 'xor'"),
                Arguments.of("(id eq 'a'", "expected ')' or a logical operator ('and', 'or') at position 11"),
                Arguments.of("id eq 'a')", "at position 10, found ')'"),
                Arguments.of("id eq 'unclosed", "the string starting at position 7 is not closed"),
                Arguments.of("id eq 42", "expected a quoted string for id at position 7, found '42'"),
                Arguments.of("enabled eq 'true'", "expected true or false for enabled at position 12"),
                Arguments.of("enabled gt true", "enabled is a boolean: only eq and ne apply (at position 12)"),
                Arguments.of("lastActivity gt 'yesterday'", "expected a date-time such as 2026-11-26T10:00:00Z for "
                        + "lastActivity at position 17"),
                Arguments.of("lastActivity gt null", "only eq and ne compare with null"),
                Arguments.of("displayName eq null", "displayName is never null"),
                Arguments.of("contains(enabled,'x')", "expected a text field for contains (id, displayName, "
                        + "template, organizations) at position 10"),
                Arguments.of("contains(displayName, 5)", "expected a quoted string ('...') at position 23"),
                Arguments.of("contains(displayName 'x')", "expected ',' and the text to look for at position 22"),
                Arguments.of("id eq 'a' ; drop table devices", "unexpected character ';' at position 11"),
                Arguments.of("organizations/all(o: o eq 'x')", "expected 'any' after '/' at position 15"),
                Arguments.of("organizations/any(o: p eq 'x')", "expected the lambda variable 'o' at position 22"),
                Arguments.of("not", "expected a field name"),
                Arguments.of("(".repeat(40) + "enabled eq true" + ")".repeat(40), "at most 32 levels of nesting"),
                Arguments.of("enabled eq true or ".repeat(100) + "enabled eq true", "at most 100 conditions"),
                Arguments.of("x".repeat(2001), "$filter is longer than 2000 characters"));
    }

    @ParameterizedTest
    @MethodSource("valid")
    void parses(String text, String meaning) {
        assertThat(show(FilterParser.parse(text, FIELDS))).isEqualTo(meaning);
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void refusesWithThePositionAndWhatWasExpected(String text, String message) {
        assertThatThrownBy(() -> FilterParser.parse(text, FIELDS)).isInstanceOfSatisfying(DomainException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
                    assertThat(e.getMessage()).startsWith("$filter").contains(message);
                });
    }

    static Stream<Arguments> orderings() {
        return Stream.of(
                Arguments.of("displayName", "displayName asc"),
                Arguments.of("displayName desc", "displayName desc"),
                Arguments.of(" lastActivity  asc ", "lastActivity asc"),
                Arguments.of("connected desc", "connected desc"));
    }

    @ParameterizedTest
    @MethodSource("orderings")
    void parsesOrderings(String text, String meaning) {
        assertThat(OrderByParser.parse(text, FIELDS)).hasToString(meaning);
    }

    static Stream<Arguments> badOrderings() {
        return Stream.of(
                Arguments.of("colour", "cannot order by 'colour' (position 1); expected one of id, displayName, "
                        + "template, enabled, provisioned, simulated, connected, lastActivity"),
                Arguments.of("organizations", "cannot order by 'organizations'"),
                Arguments.of("id upward", "expected 'asc', 'desc' or the end of $orderby at position 4, found 'upward'"),
                Arguments.of("id desc, displayName", "ordering by more than one field is not supported (position 8)"),
                Arguments.of("id asc desc", "expected the end of $orderby at position 8"),
                Arguments.of("'id'", "expected a field name"));
    }

    @ParameterizedTest
    @MethodSource("badOrderings")
    void refusesBadOrderings(String text, String message) {
        assertThatThrownBy(() -> OrderByParser.parse(text, FIELDS)).isInstanceOf(DomainException.class)
                .hasMessageStartingWith("$orderby").hasMessageContaining(message);
    }

    /** The filter in a canonical text: binary operators parenthesized, literals normalized. */
    static String show(ListFilter<DeviceField> filter) {
        return switch (filter) {
            case ListFilter.Compare<DeviceField> c -> c.field().wireName() + " " + c.op().wireName() + " "
                    + show(c.value());
            case ListFilter.Match<DeviceField> m -> m.function().wireName() + "(" + m.field().wireName() + ", '"
                    + m.text() + "')";
            case ListFilter.And<DeviceField> a -> "(" + show(a.left()) + " and " + show(a.right()) + ")";
            case ListFilter.Or<DeviceField> o -> "(" + show(o.left()) + " or " + show(o.right()) + ")";
            case ListFilter.Not<DeviceField> n -> "not " + show(n.operand());
        };
    }

    private static String show(ListLiteral literal) {
        return switch (literal) {
            case ListLiteral.Null n -> "null";
            case ListLiteral.Text t -> "'" + t.value() + "'";
            case ListLiteral.Bool b -> String.valueOf(b.value());
            case ListLiteral.Time t -> t.value().toString();
        };
    }
}
