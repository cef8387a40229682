package org.opencentral.platform.query.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencentral.core.telemetry.TelemetryQuery;
import org.opencentral.core.telemetry.TelemetryStore;
import org.opencentral.platform.query.Query;
import org.opencentral.platform.query.QueryAnalyzer;
import org.opencentral.platform.query.QueryLimits;

/**
 * Every language feature against DuckDB and PostgreSQL with the same data: the same rows, in the
 * same order, on both engines, and from the rollups the same aggregates as from raw values.
 */
@Timeout(120)
class SqlEngineParityTest {
    private static final String T = QueryDataSet.TEMPLATE;
    private static final QueryAnalyzer ANALYZER = new QueryAnalyzer(QueryLimits.DEFAULTS, QueryDataSet.catalog());

    @TempDir
    static Path dir;
    static TelemetryStore duckDb;
    static TelemetryStore postgres;

    @BeforeAll
    static void load() {
        duckDb = Engines.duckDb(dir);
        postgres = Engines.postgres();
        duckDb.append(QueryDataSet.points());
        postgres.append(QueryDataSet.points());
    }

    @AfterAll
    static void close() {
        duckDb.close();
        postgres.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT $id, $ts, temperature, humidity FROM " + T + " WHERE WITHIN_WINDOW(P1D)",
        "SELECT $id as ID, $ts as timestamp, temperature as t, humidity as h FROM " + T
                + " WHERE WITHIN_WINDOW(P1D) AND t > 25 AND h > 40",
        "SELECT TOP 10 $id as ID, $ts as timestamp, temperature, humidity FROM " + T,
        "SELECT TOP 7 $id, $ts, temperature FROM " + T + " ORDER BY temperature DESC",
        "SELECT $id, $ts, temperature AS t FROM " + T + " WHERE WITHIN_WINDOW(P1D) AND t > 20 AND $id IN ['d2', 'd3']",
        "SELECT $id, $ts, temperature, status FROM " + T + " WHERE temperature IN [20, 21] OR status = 'ok'",
        "SELECT $id, $ts, status, on FROM " + T + " WHERE on = true AND status != 'ok'",
        "SELECT $ts, sensor.level FROM " + T + " WHERE WITHIN_WINDOW('2026-11-19T00:00:00Z/2026-11-20T00:00:00Z')",
        "SELECT $id, $ts, temperature FROM " + T + " WHERE $ts > '2026-11-19T06:00:00Z' AND NOT (temperature < 25)",
        "SELECT $id, $ts, temperature, humidity FROM " + T + " WHERE humidity = null AND WITHIN_WINDOW(PT5H)",
        "SELECT $id, $ts, temperature FROM " + T + " WHERE $displayName = 'Device One' OR temperature = 30",
        "SELECT $id, $ts, temperature FROM " + T + " ORDER BY $ts DESC, $id",
        "SELECT AVG(temperature), AVG(humidity) FROM " + T + " WHERE WITHIN_WINDOW(P1D) GROUP BY WINDOW(PT10M)",
        "SELECT AVG(temperature) FROM " + T + " WHERE WITHIN_WINDOW(P1D) AND $id = 'd1' GROUP BY WINDOW(PT10M)",
        "SELECT $id, AVG(temperature), SUM(temperature), COUNT(temperature), MIN(temperature), MAX(temperature), "
                + "FIRST(temperature), LAST(temperature) FROM " + T,
        "SELECT $id, SUM(humidity) AS s FROM " + T + " GROUP BY WINDOW(PT1H) ORDER BY s DESC",
        "SELECT MAX(temperature), MIN(sensor.level) FROM " + T + " WHERE WITHIN_WINDOW(P2D) GROUP BY WINDOW(P1D)",
        "SELECT $id, COUNT(*) FROM " + T + " WHERE WITHIN_WINDOW(P1D) GROUP BY WINDOW(PT3H)",
        "SELECT AVG(temperature), COUNT(temperature) FROM " + T + " WHERE temperature > 22 GROUP BY WINDOW(P1D)",
        "SELECT $id, LAST(humidity), FIRST(humidity) FROM " + T + " WHERE $simulated = true OR $id = 'd1'",
        "SELECT $id, $ts, location.lat, location.lon AS lon FROM " + T
                + " WHERE location.lat > 47.5 AND accelerometer.x < 0 ORDER BY location.lat DESC, lon",
        "SELECT $id, AVG(location.lat), MIN(location.lon), MAX(accelerometer.x), COUNT(location.lat) FROM " + T
                + " WHERE WITHIN_WINDOW(P2D) GROUP BY WINDOW(PT6H)",
        "SELECT $id, AVG(accelerometer.x) AS ax FROM " + T + " WHERE location.lon <= -123 GROUP BY WINDOW(P1D) ORDER BY ax",
        "SELECT LAST(location.lat), FIRST(location.lon) FROM " + T + " WHERE $id = 'd2'",
        "SELECT TOP 3 $id, MAX(temperature) AS m FROM " + T + " ORDER BY m DESC",
        "SELECT $id, $ts, status FROM " + T + " WHERE status = 'x''; DROP TABLE series; --'",
        "SELECT $id, $ts, status, temperature FROM " + T + " WHERE status IN ['ok', 'warn'] AND temperature IN [20, 25.0]",
        "SELECT $id, $ts FROM " + T + " WHERE WITHIN_WINDOW(PT3H) ORDER BY $id DESC",
        "SELECT $id, $ts, on FROM " + T + " WHERE on IN [true, 1] AND NOT ($simulated = true)",
    })
    void bothEnginesAndBothSourcesAgree(String text) {
        Query query = ANALYZER.analyze(text);
        List<List<Object>> duck = run(duckDb, query, true);
        assertThat(run(postgres, query, true)).as("PostgreSQL vs DuckDB").isEqualTo(duck);
        assertThat(run(duckDb, query, false)).as("DuckDB raw vs rollups").isEqualTo(duck);
        assertThat(run(postgres, query, false)).as("PostgreSQL raw vs rollups").isEqualTo(duck);
        assertThat(duck).as("a query of the parity set should find rows").isNotEmpty();
        assertThat(duck.size()).isLessThanOrEqualTo(query.limit());
    }

    @Test
    void answersMatchTheDataSet() {
        List<List<Object>> perDevice = run(duckDb, ANALYZER.analyze("SELECT $id, COUNT(temperature), MIN(temperature), "
                + "MAX(temperature) FROM " + T), true);
        assertThat(perDevice).containsExactly(
                List.of("d1", "null", QueryDataSet.MESSAGES * 1L, 20.0, 30.0),
                List.of("d2", "null", QueryDataSet.MESSAGES * 1L, 20.0, 30.0));
        List<List<Object>> top = run(postgres, ANALYZER.analyze("SELECT TOP 2 $id, $ts, temperature FROM " + T
                + " ORDER BY $ts DESC"), true);
        assertThat(top).extracting(r -> r.get(0)).containsExactly("d1", "d2");
        assertThat(top.get(0).get(2)).isEqualTo(20.0);
    }

    @Test
    void membersOfObjectTelemetryAreReadFromTheirOwnSeries() {
        Query query = ANALYZER.analyze("SELECT $id, MIN(location.lat), MAX(location.lat), COUNT(location.lon), "
                + "MAX(accelerometer.x) FROM " + T);
        List<List<Object>> expected = List.of(
                List.of("d1", "null", 47.0, 49.0, QueryDataSet.MESSAGES / 2L, 5.0),
                List.of("d2", "null", 47.0, 49.0, QueryDataSet.MESSAGES / 2L, 5.0));
        assertThat(run(duckDb, query, true)).isEqualTo(expected);
        assertThat(run(postgres, query, false)).isEqualTo(expected);
    }

    @Test
    void stringLiteralsAreDataNotSql() {
        String text = "SELECT $id, $ts, status FROM " + T + " WHERE status = 'x''; DROP TABLE series; --'";
        for (TelemetryStore store : List.of(duckDb, postgres)) {
            List<List<Object>> rows = run(store, ANALYZER.analyze(text), true);
            assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.get(4)).isEqualTo(QueryDataSet.INJECTION));
        }
        assertThat(run(postgres, ANALYZER.analyze("SELECT COUNT(temperature) FROM " + T), true)).hasSize(1);
    }

    @Test
    void namesAreBoundToo() {
        var hostile = new org.opencentral.platform.query.ValueRef.Capability(
                java.util.Optional.of("c\"; DROP TABLE series; --"), "t' OR 1=1 --",
                org.opencentral.platform.query.CapabilityKind.TELEMETRY);
        Query query = new Query(T, org.opencentral.platform.query.QueryKind.TELEMETRY,
                List.of(new org.opencentral.platform.query.Column("x", hostile)), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), List.of(), 10);
        for (TelemetryStore store : List.of(duckDb, postgres)) {
            PlannedQuery planned = new TelemetryPlanner().plan(query, QueryDataSet.devices(), QueryDataSet.NOW);
            assertThat(planned.plan().series()).containsExactly(
                    new TelemetryQuery.Series("c\"; DROP TABLE series; --", "t' OR 1=1 --"));
            assertThat(store.queries().orElseThrow().run(planned.plan(), Duration.ofSeconds(30))).isEmpty();
            assertThat(run(store, ANALYZER.analyze("SELECT COUNT(temperature) FROM " + T), true)).hasSize(1);
        }
    }

    private static List<List<Object>> run(TelemetryStore store, Query query, boolean rollups) {
        PlannedQuery planned = new TelemetryPlanner(rollups).plan(query, QueryDataSet.devices(), QueryDataSet.NOW);
        return store.queries().orElseThrow().run(planned.plan(), Duration.ofSeconds(30)).stream()
                .map(SqlEngineParityTest::normalized).toList();
    }

    private static List<Object> normalized(List<Object> row) {
        return row.stream().map(v -> v instanceof Double d
                ? (Object) BigDecimal.valueOf(d).setScale(9, RoundingMode.HALF_EVEN).doubleValue() : v)
                .map(v -> v == null ? "null" : v).toList();
    }
}
