package org.opencentral.server.runtime;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.function.ToDoubleFunction;
import org.opencentral.platform.export.delivery.PipeStats;

/**
 * Each export and destination pair on {@code /metrics}, tagged with both ids:
 * {@code opencentral_export_sent_total}, {@code _failed_total}, {@code _retries_total},
 * {@code opencentral_export_lag_events} and {@code opencentral_export_lag_seconds}.
 */
final class ExportMeters {
    private ExportMeters() {
    }

    static void bind(MeterRegistry metrics, PipeStats stats) {
        Tags tags = Tags.of("export", stats.exportId(), "destination", stats.destinationId());
        counter(metrics, "opencentral.export.sent", "messages the destination accepted", tags, stats, PipeStats::sent);
        counter(metrics, "opencentral.export.failed", "sends the destination refused", tags, stats, PipeStats::failed);
        counter(metrics, "opencentral.export.retries", "sends repeated after a refusal", tags, stats,
                PipeStats::retries);
        Gauge.builder("opencentral.export.lag.events", stats, PipeStats::lagEvents)
                .description("events of the log the export has not delivered yet").tags(tags).register(metrics);
        Gauge.builder("opencentral.export.lag.seconds", stats, PipeStats::lagSeconds)
                .description("age of the oldest event not delivered yet").tags(tags).register(metrics);
    }

    private static void counter(MeterRegistry metrics, String name, String description, Tags tags, PipeStats stats,
            ToDoubleFunction<PipeStats> value) {
        FunctionCounter.builder(name, stats, value).description(description).tags(tags).register(metrics);
    }
}
