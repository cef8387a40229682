package org.opencentral.platform.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.platform.query.ast.AggregateFunction;
import org.opencentral.platform.query.ast.ComparisonOperator;
import org.opencentral.platform.query.ast.WhereCondition;
import org.opencentral.platform.query.ast.Expr;
import org.opencentral.platform.query.ast.QueryLiteral;
import org.opencentral.platform.query.ast.QueryAst;
import org.opencentral.platform.query.ast.SelectItem;
import org.opencentral.platform.query.ast.SortDirection;
import org.opencentral.platform.query.ast.SourcePosition;

class QueryParserTest {
    private static final String FROM = " FROM dtmi:azurertos:devkit:hlby5jgib2o";
    private final QueryParser parser = new QueryParser(QueryLimits.DEFAULTS);

    private QueryAst parse(String query) {
        return parser.parse(query);
    }

    private WhereCondition where(String condition) {
        return parse("SELECT $id" + FROM + " WHERE " + condition).where().orElseThrow();
    }

    @Test
    void keywordsAreCaseInsensitiveButNamesAreNot() {
        QueryAst ast = parse("sElEcT tOp 3 Temperature aS T" + FROM.toLowerCase() + " WhErE T > 1 OrDeR bY T dEsC");
        assertThat(ast.top()).map(QueryAst.Top::count).contains(3L);
        SelectItem.Column column = (SelectItem.Column) ast.select().get(0);
        assertThat(((Expr.Name) column.expr()).path()).isEqualTo("Temperature");
        assertThat(column.alias()).map(SelectItem.Alias::name).contains("T");
        assertThat(ast.orderBy()).extracting(QueryAst.OrderItem::direction).containsExactly(SortDirection.DESC);
    }

    @Test
    void andBindsTighterThanOrAndChainsAreFlat() {
        WhereCondition.Or or = (WhereCondition.Or) where("a = 1 AND b = 2 AND c = 3 OR d = 4");
        assertThat(or.operands()).hasSize(2);
        assertThat(((WhereCondition.And) or.operands().get(0)).operands()).hasSize(3);
    }

    @Test
    void parenthesesKeepTheirGrouping() {
        WhereCondition.And and = (WhereCondition.And) where("(a = 1 OR b = 2) AND c = 3");
        assertThat(and.operands().get(0)).isInstanceOf(WhereCondition.Or.class);
    }

    @Test
    void everyComparisonOperatorIsRecognisedAndDiamondMeansNotEqual() {
        List<String> symbols = List.of("=", "!=", "<>", ">", "<", ">=", "<=");
        List<ComparisonOperator> expected = List.of(ComparisonOperator.EQ, ComparisonOperator.NE, ComparisonOperator.NE,
                ComparisonOperator.GT, ComparisonOperator.LT, ComparisonOperator.GE, ComparisonOperator.LE);
        for (int i = 0; i < symbols.size(); i++) {
            WhereCondition.Comparison c = (WhereCondition.Comparison) where("x" + symbols.get(i) + "1");
            assertThat(c.operator()).as(symbols.get(i)).isEqualTo(expected.get(i));
        }
    }

    @Test
    void inAcceptsBracketsOrParenthesesAndNotInIsNegated() {
        WhereCondition.In brackets = (WhereCondition.In) where("$id IN ['a', \"b\"]");
        assertThat(brackets.values()).containsExactly(new QueryLiteral.Str("a"), new QueryLiteral.Str("b"));
        WhereCondition.Not not = (WhereCondition.Not) where("x NOT IN (1, 2)");
        assertThat(((WhereCondition.In) not.operand()).values()).hasSize(2);
    }

    @Test
    void literalsAreTypedAndExact() {
        WhereCondition.In in = (WhereCondition.In) where("x IN [1.50, -2, +3e2, TRUE, false, Null, 'it''s', \"a\\\"b\\u00e9\"]");
        assertThat(in.values()).containsExactly(new QueryLiteral.Num(new BigDecimal("1.50")), new QueryLiteral.Num(new BigDecimal("-2")),
                new QueryLiteral.Num(new BigDecimal("+3e2")), QueryLiteral.Bool.TRUE, QueryLiteral.Bool.FALSE, QueryLiteral.Null.INSTANCE,
                new QueryLiteral.Str("it's"), new QueryLiteral.Str("a\"bé"));
    }

    @Test
    void countStarAndAggregateNamesThatAreAlsoCapabilityNames() {
        QueryAst ast = parse("SELECT COUNT(*), max(max), count, window" + FROM);
        assertThat(((SelectItem.Column) ast.select().get(0)).expr())
                .isEqualTo(new Expr.Aggregate(AggregateFunction.COUNT, Optional.empty(), new SourcePosition(7, 1, 8)));
        assertThat(((SelectItem.Column) ast.select().get(1)).expr()).isInstanceOf(Expr.Aggregate.class);
        assertThat(((SelectItem.Column) ast.select().get(2)).expr()).isInstanceOf(Expr.Name.class);
        assertThat(((SelectItem.Column) ast.select().get(3)).expr()).isInstanceOf(Expr.Name.class);
    }

    @Test
    void templateIdsMayBeVersionedDtmisOrLegacyUrns() {
        assertThat(parse("SELECT $id FROM dtmi:contoso:Thermostat;1").from().id()).isEqualTo("dtmi:contoso:Thermostat;1");
        assertThat(parse("SELECT $id FROM dtmi:com:example:Thermostat;2.1").from().id()).endsWith(";2.1");
        assertThat(parse("SELECT $id FROM urn:modelDefinition:fupmoiu28b:ymju9efv9").from().id()).startsWith("urn:");
    }

    @Test
    void componentNamesAreTwoPartNames() {
        Expr.Name name = (Expr.Name) ((SelectItem.Column) parse("SELECT deviceInformation.model" + FROM).select().get(0)).expr();
        assertThat(name.parts()).containsExactly("deviceInformation", "model");
        assertThat(name.path()).isEqualTo("deviceInformation.model");
    }

    @Test
    void positionsCountLinesAndColumns() {
        QueryAst ast = parse("SELECT $id,\n  temperature\r\nFROM dtmi:a:b");
        assertThat(ast.select().get(1).position()).isEqualTo(new SourcePosition(14, 2, 3));
        assertThat(ast.from().position()).isEqualTo(new SourcePosition(32, 3, 6));
        assertThatThrownBy(() -> parse("SELECT $id\nFROM dtmi:a:b\nWHERE x >"))
                .isInstanceOf(QueryException.class)
                .hasMessage("at 3:10: expected a number, a string, true, false or null but found end of query")
                .extracting(e -> ((QueryException) e).position().line()).isEqualTo(3);
    }

    @Test
    void errorsAreBadRequestDomainExceptionsWithAPositionAndADetail() {
        assertThatThrownBy(() -> parse("SELECT $id, temperature WHERE x = 1"))
                .isInstanceOf(DomainException.class)
                .hasMessage("at 1:25: expected FROM but found 'WHERE'")
                .satisfies(e -> {
                    QueryException q = (QueryException) e;
                    assertThat(q.code()).isEqualTo(ErrorCode.BAD_REQUEST);
                    assertThat(q.position()).isEqualTo(new SourcePosition(24, 1, 25));
                    assertThat(q.detail()).isEqualTo("expected FROM but found 'WHERE'");
                });
    }

    @Test
    void aMissingQueryIsAQueryError() {
        assertThatThrownBy(() -> parser.parse(null)).isInstanceOf(QueryException.class).hasMessage("at 1:1: a query is required");
    }

    @Test
    void queryLengthIsLimited() {
        QueryParser iotCentral = new QueryParser(QueryLimits.IOT_CENTRAL);
        String base = "SELECT $id" + FROM + " WHERE $id = '";
        String exactly350 = base + "x".repeat(350 - base.length() - 1) + "'";
        assertThat(iotCentral.parse(exactly350)).isNotNull();
        assertThatThrownBy(() -> iotCentral.parse(exactly350 + " "))
                .hasMessage("at 1:351: the query is 351 characters long; the maximum is 350");
    }

    @Test
    void nestingDepthIsLimited() {
        QueryParser shallow = new QueryParser(new QueryLimits(4_096, 15, 10, 100, 10, 10, 3));
        assertThat(shallow.parse("SELECT $id" + FROM + " WHERE (((x = 1)))")).isNotNull();
        assertThatThrownBy(() -> shallow.parse("SELECT $id" + FROM + " WHERE ((NOT (x = 1)))"))
                .hasMessageEndingWith("conditions are nested more than 3 levels deep");
    }

    @Test
    void withinWindowTakesADurationOrAnInterval() {
        WhereCondition.WithinWindow recent = (WhereCondition.WithinWindow) where("WITHIN_WINDOW(P2DT12H)");
        assertThat(recent.window()).hasToString("Recent[duration=IsoDuration[text=P2DT12H, value=PT60H]]");
        WhereCondition.WithinWindow between = (WhereCondition.WithinWindow) where("within_window('2021-06-13T13:00:00+02:00/2021-06-13T15:30:00Z')");
        assertThat(between.window()).hasToString("Between[start=2021-06-13T11:00:00Z, end=2021-06-13T15:30:00Z]");
    }
}
