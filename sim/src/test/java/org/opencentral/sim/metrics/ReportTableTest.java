package org.opencentral.sim.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ReportTableTest {
    @Test
    void summarisesMicrosecondHistogramsInMilliseconds() {
        Histogram micros = new Histogram(3);
        for (int i = 1; i <= 1000; i++) {
            micros.recordValue(i * 10L);   // 10 µs … 10 ms
        }
        LatencySummary summary = LatencySummary.ofMicros(micros);

        assertThat(summary.count()).isEqualTo(1000);
        assertThat(summary.p50Ms()).isBetween(4.99, 5.01);
        assertThat(summary.p99Ms()).isBetween(9.89, 9.91);
        assertThat(summary.maxMs()).isBetween(9.99, 10.01);
        assertThat(LatencySummary.ofMicros(new Histogram(3))).isEqualTo(LatencySummary.EMPTY);
    }

    @Test
    void printsOneLabelledLinePerAspect() {
        String table = ReportTable.format(report());

        assertThat(table).contains("== ingest  iothub mqtts://127.0.0.1:8883  (30.0 s measured) ==")
                .contains("connections     1,000 / 1,000 established in 2.0 s (500/s), 0 failed")
                .contains("messages        sent 300,000 (10,000/s), acknowledged 299,990 (10,000/s)")
                .contains("latency (ms)    p50 1.20  p90 2.50  p99 9.80  p99.9 15.00  max 120  (n=299,990)")
                .contains("warm-up (ms)    p50 40.00  p90 90.00  p99 300  p99.9 400  max 500  (n=50,000)")
                .contains("errors          connack_5=2, window_full=10")
                .contains("server          pid 42  cpu avg 150% max 190%  rss start 200 MiB max 1.50 GiB end 1.25 GiB");
    }

    @Test
    void writesTheSameFiguresAsJson() {
        ObjectNode json = ReportJson.toJson(report());

        assertThat(json.at("/messages/ackedPerSecond").asDouble()).isCloseTo(9999.67, org.assertj.core.data.Offset.offset(0.01));
        assertThat(json.at("/latencyMs/p99Ms").asDouble()).isEqualTo(9.8);
        assertThat(json.at("/warmupLatencyMs/p999Ms").asDouble()).isEqualTo(400.0);
        assertThat(json.at("/errors/connack_5").asLong()).isEqualTo(2);
        assertThat(json.at("/server/rssMaxBytes").asLong()).isEqualTo(1536L << 20);
        assertThat(json.at("/connections/perSecond").asDouble()).isEqualTo(500.0);
    }

    private static Report report() {
        var server = new ProcSampler.ProcessReport(42, 150, 190, 200L << 20, 1536L << 20, 1280L << 20, 80);
        var client = new ProcSampler.ProcessReport(7, 50, 60, 100L << 20, 300L << 20, 300L << 20, 12);
        return new Report("ingest", "iothub mqtts://127.0.0.1:8883", Map.of("devices", "1000"),
                Instant.parse("2026-11-26T12:00:00Z"), 30.0, new Report.Connections(1000, 1000, 0, 2.0),
                new Report.Throughput(300_000, 299_990, 30.0),
                new LatencySummary(299_990, 2.0, 1.2, 2.5, 9.8, 15.0, 120.0),
                new LatencySummary(50_000, 60.0, 40.0, 90.0, 300.0, 400.0, 500.0),
                new LatencySummary(1000, 3.0, 2.0, 4.0, 8.0, 9.0, 10.0),
                Map.of("window_full", 10L, "connack_5", 2L), Optional.of(server), client);
    }
}
