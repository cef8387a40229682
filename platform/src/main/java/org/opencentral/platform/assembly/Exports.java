package org.opencentral.platform.assembly;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Optional;
import org.opencentral.core.Json;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.export.Destination;
import org.opencentral.core.export.EventHubsDestination;
import org.opencentral.core.export.KafkaDestination;
import org.opencentral.core.export.PostgresDestination;
import org.opencentral.core.export.WebhookDestination;
import org.opencentral.core.store.StateStore;
import org.opencentral.core.template.CloudPropertyValue;
import org.opencentral.core.template.DeviceTemplate;
import org.opencentral.platform.export.DeviceFacts;
import org.opencentral.platform.export.ExportMessages;
import org.opencentral.platform.export.ExportService;
import org.opencentral.platform.export.delivery.BatchSender;
import org.opencentral.platform.export.delivery.ExportRunner;
import org.opencentral.platform.export.delivery.KafkaSender;
import org.opencentral.platform.export.delivery.KafkaTarget;
import org.opencentral.platform.export.delivery.Lanes;
import org.opencentral.platform.export.delivery.PipeContext;
import org.opencentral.platform.export.delivery.PostgresSender;
import org.opencentral.platform.export.delivery.WebhookSender;

/**
 * Data export: the definitions' service and the runner that delivers enabled exports, wired to the
 * state store (devices, their properties for enrichments, template names), the event log, each
 * destination type's sender and the configured retries; each pipe's counters go to the settings' meters.
 */
record Exports(ExportService service, ExportRunner runner) {

    static Exports create(StateStore state, EventLog log, PlatformSettings settings, Clock clock) {
        PipeContext context = new PipeContext(log, state.cursors(), new ExportMessages(settings.applicationId()),
                id -> facts(state, state.devices().find(id)), settings.exportRetry(), clock, PipeContext.BATCH);
        HttpClient client = WebhookSender.client();
        ExportRunner runner = new ExportRunner(state.exports(), context, destination -> sender(client, destination),
                settings.exportMeters());
        return new Exports(new ExportService(state.exports(), runner), runner);
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

    /** The destination types and their senders: one row per type. */
    private static BatchSender sender(HttpClient client, Destination destination) {
        return switch (destination) {
            case WebhookDestination webhook -> new Lanes(new WebhookSender(client, webhook));
            case KafkaDestination kafka -> new KafkaSender(KafkaTarget.of(kafka));
            case EventHubsDestination eventHubs -> new KafkaSender(KafkaTarget.of(eventHubs));
            case PostgresDestination table -> new PostgresSender(table);
        };
    }
}
