package org.opencentral.store.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.telemetry.TelemetryQuery;
import org.opencentral.core.telemetry.TelemetryQuery.Aggregate;
import org.opencentral.core.telemetry.TelemetryQuery.Aggregation;
import org.opencentral.core.telemetry.TelemetryQuery.Condition;
import org.opencentral.core.telemetry.TelemetryQuery.Function;
import org.opencentral.core.telemetry.TelemetryQuery.Operator;
import org.opencentral.core.telemetry.TelemetryStore;
import org.opencentral.core.telemetry.TimeRange;
import org.opencentral.store.contract.SharedPostgres;

/**
 * The query language's SQL as the store builds it from plans: which source answers aggregates,
 * that every value of a plan is bound rather than written into the text, and that statements past
 * their budget are cancelled on both engines. (What the answers are: the platform's parity tests.)
 */
@Timeout(120)
class QuerySqlTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final TelemetryQuery.Series TEMPERATURE = new TelemetryQuery.Series("", "temperature");
    private static final String HOSTILE = "x'; DROP TABLE series; --";

    @TempDir
    static Path dir;
    static TelemetryStore duckDb;
    static TelemetryStore postgres;

    @BeforeAll
    static void open() {
        duckDb = DuckDbTelemetryStore.open(dir.resolve("telemetry.duckdb"));
        postgres = PostgresTelemetryStore.open(SharedPostgres.newSchemaUrl("query"), "postgres", "postgres");
    }

    @AfterAll
    static void close() {
        duckDb.close();
        postgres.close();
    }

    @Test
    void aggregatesReadTheRollupsUnlessValuesOrCountStarNeedTheRawMessages() {
        Aggregate avg = new Aggregate(Function.AVG, OptionalInt.of(0));
        String hourly = sql(aggregate(Duration.ofDays(30), List.of(avg), Duration.ofHours(1), Optional.empty(), true));
        String minutes = sql(aggregate(Duration.ofDays(1), List.of(avg), Duration.ofMinutes(10),
                Optional.of(new Condition.DeviceCompare(Operator.EQ, "d1")), true));
        String filtered = sql(aggregate(Duration.ofDays(30), List.of(avg), Duration.ofHours(1),
                Optional.of(new Condition.ValueCompare(0, Operator.GT, 3.0)), true));
        String countStar = sql(aggregate(Duration.ofDays(30), List.of(new Aggregate(Function.COUNT, OptionalInt.empty())),
                Duration.ofHours(1), Optional.empty(), true));
        String forcedRaw = sql(aggregate(Duration.ofDays(30), List.of(avg), Duration.ofHours(1), Optional.empty(), false));

        assertThat(hourly).contains("rollup_1h");
        assertThat(minutes).contains("rollup_1m").doesNotContain("rollup_1h");
        assertThat(filtered).doesNotContain("rollup_").contains("telemetry_raw");
        assertThat(countStar).doesNotContain("rollup_");
        assertThat(forcedRaw).doesNotContain("rollup_");
    }

    @Test
    void everyValueOfAPlanIsBound() {
        TelemetryQuery.Series hostile = new TelemetryQuery.Series("c\"; DROP TABLE series; --", "t' OR 1=1 --");
        TelemetryQuery plan = new TelemetryQuery(List.of("d1", "d'2"), List.of(hostile, TEMPERATURE),
                Optional.of(TimeRange.last(Duration.ofDays(1), NOW)), Optional.empty(),
                Optional.of(new Condition.Any(List.of(new Condition.ValueCompare(0, Operator.EQ, HOSTILE),
                        new Condition.ValueIn(1, List.of(20.0, "warm", true)),
                        new Condition.DeviceCompare(Operator.NE, HOSTILE)))),
                List.of(new TelemetryQuery.Order(new TelemetryQuery.Key.SeriesValue(1), TelemetryQuery.Direction.DESC)),
                10);
        for (TelemetryDialect dialect : TelemetryDialect.values()) {
            SqlStatement statement = QuerySql.compile(plan, dialect);
            assertThat(statement.sql()).doesNotContain("DROP").doesNotContain("1=1").doesNotContain("warm")
                    .doesNotContain("d'2");
            assertThat(statement.parameters()).contains(HOSTILE, hostile.component(), hostile.capability(), "warm", 10L);
        }
        for (TelemetryStore store : List.of(duckDb, postgres)) {
            assertThat(store.queries().orElseThrow().run(plan, Duration.ofSeconds(30))).isEmpty();
        }
    }

    @Test
    void slowStatementsAreCancelled() {
        Map<TelemetryStore, String> slow = Map.of(
                duckDb, "SELECT count(*) FROM range(1000000000000) a",
                postgres, "SELECT pg_sleep(30)");
        slow.forEach((store, sql) -> assertThatThrownBy(() -> queries(store)
                .select(new SqlStatement(sql, List.of()), Duration.ofMillis(300), 1))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.GATEWAY_TIMEOUT)));
    }

    /**
     * A budget spent before the database even started the statement (the watchdog's first cancel
     * comes too early and is lost): the statement is cancelled again while it runs, or, had it
     * finished, its result is refused all the same.
     */
    @Test
    void aBudgetSpentBeforeTheStatementStartsStillTimesOut() {
        Map<TelemetryStore, String> bounded = Map.of(
                duckDb, "SELECT count(*) FROM range(300000000) a",
                postgres, "SELECT pg_sleep(0.5)");
        bounded.forEach((store, sql) -> assertThatThrownBy(() -> queries(store)
                .select(new SqlStatement(sql, List.of()), Duration.ZERO, 1))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.GATEWAY_TIMEOUT)));
    }

    private static TelemetryQuery aggregate(Duration range, List<Aggregate> aggregates, Duration window,
            Optional<Condition> condition, boolean rollups) {
        return new TelemetryQuery(List.of("d1", "d2"), List.of(TEMPERATURE), Optional.of(TimeRange.last(range, NOW)),
                Optional.of(new Aggregation(aggregates, true, Optional.of(window), rollups)), condition, List.of(),
                100);
    }

    private static String sql(TelemetryQuery plan) {
        return QuerySql.compile(plan, TelemetryDialect.DUCKDB).sql();
    }

    private static JdbcTelemetryQueries queries(TelemetryStore store) {
        return (JdbcTelemetryQueries) store.queries().orElseThrow();
    }
}
