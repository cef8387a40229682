package org.opencentral.server.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.opencentral.core.Json;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.export.Destination;
import org.opencentral.core.export.WebhookDestination;
import org.opencentral.core.store.StateStore;
import org.opencentral.core.template.CloudPropertyValue;
import org.opencentral.core.template.DeviceTemplate;
import org.opencentral.platform.export.DeviceFacts;
import org.opencentral.platform.export.ExportMessages;
import org.opencentral.platform.export.delivery.ExportRunner;
import org.opencentral.platform.export.delivery.PipeContext;
import org.opencentral.platform.export.delivery.PipeStats;
import org.opencentral.platform.export.delivery.RetryPolicy;
import org.opencentral.platform.export.delivery.Sender;
import org.opencentral.platform.export.delivery.WebhookSender;
import org.opencentral.server.config.ExportConfig;

/**
 * The data export runner wired to the state store (devices, their properties for enrichments,
 * template names), the event log, the webhook client, the configured retries
 * ({@code export-retry-for}, {@code export-recheck-interval}) and {@code /metrics}: per export and
 * destination {@code opencentral_export_sent_total},
 * {@code _failed_total}, {@code _retries_total}, {@code opencentral_export_lag_events} and
 * {@code opencentral_export_lag_seconds}.
 */
final class Exports {
    private Exports() {
    }

    static ExportRunner runner(StateStore state, EventLog log, ApplicationIdentity identity, Clock clock,
            MeterRegistry metrics, ExportConfig config) {
        RetryPolicy retry = new RetryPolicy(RetryPolicy.DEFAULTS.first(), RetryPolicy.DEFAULTS.longest(),
                config.retryFor(), config.recheckInterval());
        PipeContext context = new PipeContext(log, state.cursors(), new ExportMessages(identity.applicationId()),
                id -> facts(state, state.devices().find(id)), retry, clock, PipeContext.BATCH);
        HttpClient client = WebhookSender.client();
        return new ExportRunner(state.exports(), context, destination -> sender(client, destination),
                stats -> bind(metrics, stats));
    }

    private static DeviceFacts facts(StateStore state, Optional<Device> device) {
        return new DeviceFacts(device, device.flatMap(Device::template).flatMap(state.templates()::find)
                .map(DeviceTemplate::displayName), () -> device.map(d -> properties(state, d.id()))
                        .orElseGet(Json::object));
    }

    /** Reported properties with the cloud property values over them, components as nested objects. */
    private static ObjectNode properties(StateStore state, DeviceId id) {
        ObjectNode values = state.twins().find(id).map(t -> t.reported().properties()).orElseGet(Json::object);
        for (CloudPropertyValue value : state.cloudProperties().list(id)) {
            ObjectNode target = value.component().isEmpty() ? values : values.withObjectProperty(value.component());
            target.set(value.name(), value.value());
        }
        return values;
    }


    private static Sender sender(HttpClient client, Destination destination) {
        return switch (destination) {
            case WebhookDestination webhook -> new WebhookSender(client, webhook);
        };
    }

    private static void bind(MeterRegistry metrics, PipeStats stats) {
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
