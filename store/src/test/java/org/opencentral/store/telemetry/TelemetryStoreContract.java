package org.opencentral.store.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.DomainException;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.telemetry.Bucket;
import org.opencentral.core.telemetry.DeviceWindow;
import org.opencentral.core.telemetry.History;
import org.opencentral.core.telemetry.SeriesKey;
import org.opencentral.core.telemetry.Source;
import org.opencentral.core.telemetry.TelemetryPoint;
import org.opencentral.core.telemetry.TelemetryStore;
import org.opencentral.core.telemetry.TelemetryValue;
import org.opencentral.core.telemetry.TimeRange;
import org.opencentral.core.telemetry.WindowQuery;

/**
 * What every {@link TelemetryStore} must answer, checked against a plain-Java {@link Oracle} so that
 * DuckDB and PostgreSQL give the same answers for the same data.
 */
@Timeout(60)
abstract class TelemetryStoreContract {
    private static final Instant T0 = Samples.T0;
    private final List<TelemetryStore> opened = new ArrayList<>();

    /** Opens this test's store (empty the first time, the same data when opened again). */
    protected abstract TelemetryStore openStore();

    /**
     * Like {@link #openStore()} the first time, with a raw table that refuses the text {@code refused}
     * (a CHECK constraint), so that a batch holding it fails after its series were registered.
     */
    protected abstract TelemetryStore openStoreRefusingText(String refused);

    private TelemetryStore openRefusing(String refused) {
        TelemetryStore store = openStoreRefusingText(refused);
        opened.add(store);
        return store;
    }

    private TelemetryStore open() {
        TelemetryStore store = openStore();
        opened.add(store);
        return store;
    }

    @AfterEach
    void closeAll() {
        opened.forEach(TelemetryStore::close);
    }

    private static TelemetryPoint point(SeriesKey series, Instant time, TelemetryValue value) {
        return new TelemetryPoint(series, time, value);
    }

    /** Appends in shuffled batches, so rollups are merged across batches and out of time order. */
    private static void appendShuffled(TelemetryStore store, List<TelemetryPoint> points, int batch) {
        List<TelemetryPoint> shuffled = new ArrayList<>(points);
        Collections.shuffle(shuffled, new Random(7));
        for (int i = 0; i < shuffled.size(); i += batch) {
            store.append(shuffled.subList(i, Math.min(shuffled.size(), i + batch)));
        }
    }

    @Test
    void typedValuesReadBackInTimeOrderWithMicrosecondPrecision() {
        TelemetryStore store = open();
        SeriesKey temp = Samples.temp("d1");
        SeriesKey on = new SeriesKey(DeviceId.of("d1"), "", "on");
        SeriesKey mode = new SeriesKey(DeviceId.of("d1"), "sensor", "location.name");
        store.append(List.of(
                point(temp, T0.plusSeconds(2), TelemetryValue.of(21.5)),
                point(temp, T0.plusNanos(1_234_567), TelemetryValue.of(-3)),
                point(on, T0, TelemetryValue.of(true)),
                point(mode, T0, TelemetryValue.of("ünï \"quoted\"")),
                point(Samples.temp("d2"), T0, TelemetryValue.of(99))));

        TimeRange range = new TimeRange(T0, T0.plusSeconds(60));
        assertThat(store.raw(temp, range, 10)).containsExactly(
                point(temp, T0.plusNanos(1_234_000), TelemetryValue.of(-3)),
                point(temp, T0.plusSeconds(2), TelemetryValue.of(21.5)));
        assertThat(store.raw(temp, range, 1)).hasSize(1);
        assertThat(store.raw(on, range, 10)).containsExactly(point(on, T0, TelemetryValue.of(true)));
        assertThat(store.raw(mode, range, 10)).containsExactly(point(mode, T0, TelemetryValue.of("ünï \"quoted\"")));
        assertThat(store.raw(temp, new TimeRange(T0.plusSeconds(2), T0.plusSeconds(2)), 10)).isEmpty();
        assertThat(store.raw(Samples.temp("nobody"), range, 10)).isEmpty();
        assertThatThrownBy(() -> store.raw(temp, range, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void windowsPerDeviceMatchTheOracleWhateverTheWidthAndSource() {
        TelemetryStore store = open();
        List<TelemetryPoint> points = Samples.threeDays(3, 1);
        appendShuffled(store, points, 1_000);
        TimeRange range = new TimeRange(T0.plus(Duration.ofMinutes(17)).plusSeconds(23),
                T0.plus(Duration.ofDays(2)).plus(Duration.ofHours(5)).plusSeconds(3));

        for (Duration window : List.of(Duration.ofHours(1), Duration.ofDays(1), Duration.ofMinutes(15),
                Duration.ofMinutes(7), Duration.ofSeconds(90), Duration.ofHours(5))) {
            List<DeviceWindow> expected = Oracle.windows(points, "", "temp", range, window);
            for (Source source : Source.values()) {
                assertThat(store.aggregate(new WindowQuery("", "temp", range, window, source)))
                        .as("%s from %s", window, source).containsExactlyElementsOf(expected);
            }
        }
        assertThat(store.aggregate(new WindowQuery("thermostat1", "temp", range, Duration.ofHours(1))))
                .containsExactlyElementsOf(Oracle.windows(points, "thermostat1", "temp", range, Duration.ofHours(1)));
        assertThat(store.aggregate(new WindowQuery("", "on", range, Duration.ofHours(1)))).isEmpty();
    }

    @Test
    void rollupsEqualRawAggregatesOverAlignedRanges() {
        TelemetryStore store = open();
        List<TelemetryPoint> points = Samples.threeDays(2, 2);
        appendShuffled(store, points, 337);
        TimeRange aligned = new TimeRange(T0, T0.plus(Duration.ofDays(3)));
        SeriesKey series = Samples.temp("dev-1");

        for (Duration width : List.of(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(1))) {
            List<Bucket> fromRaw = store.buckets(series, aligned, width, Source.RAW);
            assertThat(store.buckets(series, aligned, width, Source.AUTO)).as("%s", width)
                    .isNotEmpty().containsExactlyElementsOf(fromRaw);
        }
        List<DeviceWindow> threeDays = store.aggregate(new WindowQuery("", "temp", aligned, Duration.ofDays(3)));
        assertThat(threeDays).hasSize(4).containsExactlyElementsOf(
                Oracle.windows(points, "", "temp", aligned, Duration.ofDays(3)));
    }

    @Test
    void historyReturnsRawPointsWhenTheyFitAndMinMaxPreservingBucketsOtherwise() {
        TelemetryStore store = open();
        SeriesKey series = Samples.temp("chart");
        List<TelemetryPoint> points = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            double value = i == 4_321 ? 1_000 : i == 7_777 ? -1_000 : (i % 50) / 2.0;
            points.add(point(series, T0.plusSeconds(i * 7L), TelemetryValue.of(value)));
        }
        store.append(points);
        TimeRange range = new TimeRange(T0, T0.plusSeconds(70_000));

        History small = store.history(series, new TimeRange(T0, T0.plusSeconds(700)), 100);
        History big = store.history(series, range, 100);

        assertThat(small).isInstanceOf(History.Points.class);
        assertThat(((History.Points) small).points()).hasSize(100).isEqualTo(points.subList(0, 100));
        assertThat(big).isInstanceOf(History.Buckets.class);
        History.Buckets buckets = (History.Buckets) big;
        assertThat(buckets.width()).isEqualTo(Duration.ofMinutes(15));
        assertThat(buckets.buckets()).hasSizeLessThanOrEqualTo(100);
        assertThat(buckets.buckets().stream().mapToDouble(b -> b.aggregate().max()).max().orElseThrow()).isEqualTo(1_000);
        assertThat(buckets.buckets().stream().mapToDouble(b -> b.aggregate().min()).min().orElseThrow()).isEqualTo(-1_000);
        assertThat(buckets.buckets().stream().mapToLong(b -> b.aggregate().count()).sum()).isEqualTo(10_000);
        assertThat(buckets.buckets()).containsExactlyElementsOf(
                store.buckets(series, range, Duration.ofMinutes(15), Source.RAW));
    }

    @Test
    void nonNumericSeriesHaveNoBucketsAndChartAsTheirFirstPoints() {
        TelemetryStore store = open();
        SeriesKey flag = new SeriesKey(DeviceId.of("d1"), "", "on");
        List<TelemetryPoint> points = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            points.add(point(flag, T0.plusSeconds(i), TelemetryValue.of(i % 2 == 0)));
        }
        store.append(points);

        History history = store.history(flag, new TimeRange(T0, T0.plusSeconds(3_600)), 10);

        assertThat(history).isEqualTo(new History.Points(points.subList(0, 10)));
    }

    @Test
    void retentionRemovesWholeDaysBeforeTheCutoffAndNothingNewer() {
        TelemetryStore store = open();
        List<TelemetryPoint> points = Samples.threeDays(2, 3);
        appendShuffled(store, points, 2_000);
        Instant secondDay = T0.plus(Duration.ofDays(1));
        TimeRange all = new TimeRange(T0, T0.plus(Duration.ofDays(3)));

        assertThat(store.deleteOlderThan(secondDay.plusSeconds(5 * 3_600))).isPositive();

        List<TelemetryPoint> kept = points.stream().filter(p -> !p.time().isBefore(secondDay)).toList();
        for (Source source : List.of(Source.RAW, Source.AUTO)) {
            assertThat(store.aggregate(new WindowQuery("", "temp", all, Duration.ofHours(1), source)))
                    .containsExactlyElementsOf(Oracle.windows(kept, "", "temp", all, Duration.ofHours(1)));
        }
        SeriesKey series = Samples.temp("dev-0");
        assertThat(store.raw(series, all, 100_000)).extracting(TelemetryPoint::time).allSatisfy(
                time -> assertThat(time).isAfterOrEqualTo(secondDay)).hasSize(
                (int) kept.stream().filter(p -> p.series().equals(series)).count());
        assertThat(store.deleteOlderThan(secondDay)).isZero();
    }

    @Test
    void aBatchThatRegistersSeriesAndFailsLeavesNoSeriesBehindAndItsRetryAndLaterSeriesKeepTheirOwnValues() {
        TelemetryStore store = openRefusing("refused");
        SeriesKey a = Samples.temp("a");
        SeriesKey b = Samples.temp("b");
        SeriesKey mode = new SeriesKey(DeviceId.of("c"), "", "mode");
        assertThatThrownBy(() -> store.append(List.of(point(a, T0, TelemetryValue.of(9)),
                point(b, T0, TelemetryValue.of(9)), point(mode, T0, TelemetryValue.of("refused")))))
                .isInstanceOf(DomainException.class);

        store.append(List.of(point(a, T0, TelemetryValue.of(1)), point(b, T0, TelemetryValue.of(2)),
                point(mode, T0, TelemetryValue.of("ok"))));
        store.append(List.of(point(Samples.temp("d"), T0, TelemetryValue.of(4))));
        store.close();
        opened.remove(store);
        TelemetryStore reopened = open();
        reopened.append(List.of(point(Samples.temp("e"), T0, TelemetryValue.of(5)),
                point(a, T0.plusSeconds(1), TelemetryValue.of(6))));

        TimeRange range = new TimeRange(T0, T0.plusSeconds(60));
        assertThat(reopened.raw(a, range, 10)).extracting(TelemetryPoint::value)
                .containsExactly(TelemetryValue.of(1), TelemetryValue.of(6));
        assertThat(reopened.raw(b, range, 10)).extracting(TelemetryPoint::value).containsExactly(TelemetryValue.of(2));
        assertThat(reopened.raw(mode, range, 10)).extracting(TelemetryPoint::value)
                .containsExactly(TelemetryValue.of("ok"));
        for (String device : List.of("d", "e")) {
            assertThat(reopened.raw(Samples.temp(device), range, 10)).as(device).extracting(TelemetryPoint::value)
                    .containsExactly(TelemetryValue.of(device.equals("d") ? 4 : 5));
        }
        assertThat(reopened.aggregate(new WindowQuery("", "temp", range, Duration.ofMinutes(1))))
                .extracting(w -> w.device().value(), w -> w.aggregate().count())
                .containsExactly(tuple("a", 2L), tuple("b", 1L), tuple("d", 1L), tuple("e", 1L));
    }

    @Test
    void reopeningKeepsValuesRollupsAndSeriesIds() {
        TelemetryStore first = open();
        SeriesKey series = Samples.temp("d1");
        first.append(List.of(point(series, T0, TelemetryValue.of(1)), point(series, T0.plusSeconds(10), TelemetryValue.of(3))));
        first.close();
        opened.remove(first);

        TelemetryStore second = open();
        second.append(List.of(point(series, T0.plusSeconds(20), TelemetryValue.of(8)),
                point(Samples.temp("d2"), T0, TelemetryValue.of(5))));

        TimeRange hour = new TimeRange(T0, T0.plusSeconds(3_600));
        assertThat(second.buckets(series, hour, Duration.ofHours(1), Source.AUTO)).singleElement()
                .satisfies(b -> {
                    assertThat(b.aggregate().count()).isEqualTo(3);
                    assertThat(b.aggregate().average()).isEqualTo(4);
                    assertThat(b.aggregate().first()).isEqualTo(1);
                    assertThat(b.aggregate().last()).isEqualTo(8);
                });
        assertThat(second.aggregate(new WindowQuery("", "temp", hour, Duration.ofHours(1))))
                .extracting(w -> w.device().value()).containsExactly("d1", "d2");
    }
}
