package org.opencentral.platform.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.opencentral.platform.query.ast.AggregateFunction;
import org.opencentral.platform.query.ast.SortDirection;
import org.opencentral.platform.query.ast.SystemField;

/** One test per analyzer rule, against a small in-memory template catalog. */
class QueryAnalyzerTest {
    private static final String FROM = " FROM " + InMemoryCapabilityCatalog.DEVKIT;
    private final QueryAnalyzer analyzer = new QueryAnalyzer(QueryLimits.DEFAULTS, InMemoryCapabilityCatalog.fixture());

    private Query analyze(String query) {
        return analyzer.analyze(query);
    }

    private AbstractThrowableAssert<?, ? extends Throwable> rejecting(String query) {
        return assertThatThrownBy(() -> analyze(query)).isInstanceOf(QueryException.class);
    }

    private static ValueRef.Capability telemetry(String name) {
        return new ValueRef.Capability(Optional.empty(), name, CapabilityKind.TELEMETRY);
    }

    @Test
    void theTemplateMustExist() {
        rejecting("SELECT $id FROM dtmi:nope:x;1").hasMessage("at 1:17: unknown device template 'dtmi:nope:x;1'");
    }

    @Test
    void namesMustBeCapabilitiesOfTheTemplate() {
        rejecting("SELECT temperature FROM " + InMemoryCapabilityCatalog.THERMOSTAT + " WHERE humidity > 1")
                .hasMessageContaining("unknown name 'humidity'");
        rejecting("SELECT deviceInformation.firmware" + FROM).hasMessageContaining("unknown name 'deviceInformation.firmware'");
    }

    @Test
    void selectStarIsRejected() {
        rejecting("SELECT *" + FROM).hasMessageContaining("SELECT * is not supported");
    }

    @Test
    void selectItemsAreLimited() {
        QueryAnalyzer two = new QueryAnalyzer(new QueryLimits(4_096, 2, 10, 100, 10, 10, 8), InMemoryCapabilityCatalog.fixture());
        assertThat(two.analyze("SELECT $id, temperature" + FROM).columns()).hasSize(2);
        assertThatThrownBy(() -> two.analyze("SELECT $id, temperature, humidity" + FROM))
                .hasMessage("at 1:26: SELECT has 3 items; the maximum is 2");
    }

    @Test
    void logicalOperatorsAreLimitedCountingNot() {
        String nine = "x > 0" + " AND x > 0".repeat(9);
        String base = "SELECT temperature AS x" + FROM + " WHERE ";
        assertThat(analyze(base + "NOT " + nine).filter()).isPresent();
        rejecting(base + "NOT NOT " + nine).hasMessageEndingWith("WHERE has 11 logical operators (AND, OR, NOT); the maximum is 10");
    }

    @Test
    void aliasesAreUniqueAndDoNotReuseAnotherItemsName() {
        rejecting("SELECT temperature AS a, humidity AS a" + FROM).hasMessageEndingWith("duplicate alias 'a'");
        rejecting("SELECT temperature, humidity AS temperature" + FROM)
                .hasMessageEndingWith("alias 'temperature' reuses the name of another select item");
        rejecting("SELECT temperature, temperature" + FROM).hasMessageContaining("duplicate column 'temperature'");
        assertThat(analyze("SELECT temperature AS temperature" + FROM).columns()).extracting(Column::name).containsExactly("temperature");
    }

    @Test
    void aliasesResolveInWhereAndOrderBy() {
        Query q = analyze("SELECT temperature AS t, $ts AS time" + FROM + " WHERE t > 1 ORDER BY time DESC");
        assertThat(q.filter()).contains(new QueryFilter.Compare(telemetry("temperature"),
                org.opencentral.platform.query.ast.ComparisonOperator.GT,
                new org.opencentral.platform.query.ast.QueryLiteral.Num(java.math.BigDecimal.ONE)));
        assertThat(q.orderBy()).containsExactly(new QueryOrdering(new ValueRef.Builtin(SystemField.TS), Optional.of("time"), SortDirection.DESC));
    }

    @Test
    void aQueryReadsTelemetryOrPropertiesNotBoth() {
        assertThat(analyze("SELECT $id, temperature" + FROM).kind()).isEqualTo(QueryKind.TELEMETRY);
        assertThat(analyze("SELECT $id, firmwareVersion, room" + FROM).kind()).isEqualTo(QueryKind.PROPERTIES);
        assertThat(analyze("SELECT $id" + FROM).kind()).isEqualTo(QueryKind.PROPERTIES);
        assertThat(analyze("SELECT $id" + FROM + " WHERE temperature > 1").kind()).isEqualTo(QueryKind.TELEMETRY);
        rejecting("SELECT temperature, room" + FROM).hasMessageContaining("a query reads either telemetry or properties, not both");
        rejecting("SELECT room" + FROM + " WHERE humidity > 1").hasMessageStartingWith("at 1:58: 'humidity' is telemetry");
    }

    @Test
    void inIsOnlyForTelemetryAndId() {
        assertThat(analyze("SELECT temperature" + FROM + " WHERE temperature IN [1, 2] AND $id IN ('a')").filter()).isPresent();
        rejecting("SELECT room" + FROM + " WHERE room IN ['a']").hasMessageContaining("IN is only for telemetry and $id, not 'room'");
        rejecting("SELECT $id" + FROM + " WHERE $simulated IN [true]").hasMessageContaining("not $simulated");
    }

    @Test
    void inListsAreLimited() {
        String ids = "'a', ".repeat(99) + "'a'";
        assertThat(analyze("SELECT $id" + FROM + " WHERE $id IN [" + ids + "]").filter()).isPresent();
        rejecting("SELECT $id" + FROM + " WHERE $id IN [" + ids + ", 'b']").hasMessageEndingWith("IN has 101 values; the maximum is 100");
    }

    @Test
    void withinWindowIsOnlyForTelemetryQueriesAndBecomesTheTimeRange() {
        Query q = analyze("SELECT $id" + FROM + " WHERE $id = 'a' AND WITHIN_WINDOW(PT1H)");
        assertThat(q.kind()).isEqualTo(QueryKind.TELEMETRY);
        assertThat(q.timeRange()).isPresent();
        assertThat(q.filter()).containsInstanceOf(QueryFilter.Compare.class);
        rejecting("SELECT firmwareVersion" + FROM + " WHERE WITHIN_WINDOW(P1D)").hasMessageStartingWith("at 1:69: WITHIN_WINDOW is only for telemetry");
        rejecting("SELECT temperature" + FROM + " WHERE temperature > 1 OR WITHIN_WINDOW(P1D)")
                .hasMessageContaining("not used under OR or NOT");
    }

    @Test
    void aggregatesNeedTelemetry() {
        rejecting("SELECT AVG(room)" + FROM).hasMessageEndingWith("AVG needs telemetry, but 'room' is a cloud property");
        Query q = analyze("SELECT COUNT(*), MAX(sensor.level)" + FROM);
        assertThat(q.columns()).extracting(Column::name).containsExactly("count", "max_sensor.level");
        assertThat(q.aggregated()).isTrue();
        assertThat(q.groupedByDevice()).isFalse();
    }

    @Test
    void groupByWindowNeedsAggregatesAndAddsTheWindowStart() {
        rejecting("SELECT temperature" + FROM + " GROUP BY WINDOW(PT1M)").hasMessageContaining("GROUP BY WINDOW needs aggregates");
        Query q = analyze("SELECT $id, AVG(temperature)" + FROM + " GROUP BY WINDOW(PT5M)");
        assertThat(q.window()).contains(Duration.ofMinutes(5));
        assertThat(q.columns()).extracting(Column::name).containsExactly("$ts", "$id", "avg_temperature");
        assertThat(q.columns().get(2).value()).isEqualTo(new ValueRef.Aggregate(AggregateFunction.AVG, Optional.of(telemetry("temperature"))));
        assertThat(q.groupedByDevice()).isTrue();
    }

    @Test
    void aggregatesForbidRawColumnsExceptIdAndWindowStart() {
        rejecting("SELECT AVG(temperature), humidity" + FROM).hasMessageContaining("'humidity' must be aggregated, e.g. AVG(humidity)");
        rejecting("SELECT $ts, AVG(temperature)" + FROM).hasMessageContaining("$ts can be selected with aggregates only with GROUP BY WINDOW");
        assertThat(analyze("SELECT $ts, AVG(temperature)" + FROM + " GROUP BY WINDOW(PT1H)").columns()).hasSize(2);
        rejecting("SELECT AVG(temperature)" + FROM + " WHERE AVG(temperature) > 1").hasMessageContaining("aggregates are not allowed in WHERE");
    }

    @Test
    void durationsArePositiveAndIntervalsOrdered() {
        rejecting("SELECT AVG(temperature)" + FROM + " GROUP BY WINDOW(PT0M)").hasMessageEndingWith("the duration PT0M must be longer than zero");
        rejecting("SELECT temperature" + FROM + " WHERE WITHIN_WINDOW('2021-01-02T00:00:00Z/2021-01-01T00:00:00Z')")
                .hasMessageContaining("not after its start");
    }

    @Test
    void orderByNeedsSelectedItemsOrTimestampOrId() {
        Query q = analyze("SELECT temperature" + FROM + " ORDER BY $ts DESC, temperature");
        assertThat(q.orderBy()).extracting(QueryOrdering::column).containsExactly(Optional.empty(), Optional.of("temperature"));
        rejecting("SELECT temperature" + FROM + " ORDER BY humidity").hasMessageContaining("cannot ORDER BY 'humidity'");
        assertThat(analyze("SELECT AVG(temperature)" + FROM + " ORDER BY avg_temperature").orderBy()).hasSize(1);
        rejecting("SELECT firmwareVersion" + FROM + " ORDER BY $ts").hasMessageContaining("$ts is the telemetry timestamp");
    }

    @Test
    void topIsWithinOneAndTheRowCapOfTheKind() {
        assertThat(analyze("SELECT temperature" + FROM).limit()).isEqualTo(100_000);
        assertThat(analyze("SELECT room" + FROM).limit()).isEqualTo(10_000);
        assertThat(analyze("SELECT TOP 7 room" + FROM).limit()).isEqualTo(7);
        rejecting("SELECT TOP 0 room" + FROM).hasMessageEndingWith("TOP must be at least 1, not 0");
        rejecting("SELECT TOP 10001 room" + FROM).hasMessageEndingWith("TOP 10001 exceeds the maximum of 10000 rows for property queries");
        QueryAnalyzer iotc = new QueryAnalyzer(QueryLimits.IOT_CENTRAL, InMemoryCapabilityCatalog.fixture());
        assertThatThrownBy(() -> iotc.analyze("SELECT TOP 10001 temperature" + FROM)).hasMessageContaining("maximum of 10000 rows for telemetry");
    }

    @Test
    void literalsMustSuitBuiltins() {
        rejecting("SELECT $id" + FROM + " WHERE $id = 1").hasMessageEndingWith("$id must be compared with a string, not 1");
        rejecting("SELECT $id" + FROM + " WHERE $provisioned = 'true'").hasMessageContaining("only be compared with true or false");
        rejecting("SELECT $ts, temperature" + FROM + " WHERE $ts > 'soon'").hasMessageContaining("ISO-8601 timestamp");
        rejecting("SELECT room" + FROM + " WHERE room > null").hasMessageEndingWith("'room' can be compared with null only with = or !=");
        assertThat(analyze("SELECT room" + FROM + " WHERE room = null").filter()).isPresent();
    }
}
