package org.opencentral.platform.assembly;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Optional;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.export.BlobStorageDestination;
import org.opencentral.core.export.Destination;
import org.opencentral.core.export.EventHubsDestination;
import org.opencentral.core.export.FolderDestination;
import org.opencentral.core.export.KafkaDestination;
import org.opencentral.core.export.PostgresDestination;
import org.opencentral.core.export.WebhookDestination;
import org.opencentral.core.store.DeviceListQuery;
import org.opencentral.core.store.StateStore;
import org.opencentral.platform.export.DeviceFacts;
import org.opencentral.platform.export.ExportMessages;
import org.opencentral.platform.export.ExportService;
import org.opencentral.platform.export.StoredDeviceFacts;
import org.opencentral.platform.export.TransformTrial;
import org.opencentral.platform.export.delivery.BatchSender;
import org.opencentral.platform.export.delivery.BlobFiles;
import org.opencentral.platform.export.delivery.ExportRunner;
import org.opencentral.platform.export.delivery.FolderFiles;
import org.opencentral.platform.export.delivery.KafkaSender;
import org.opencentral.platform.export.delivery.KafkaTarget;
import org.opencentral.platform.export.delivery.Lanes;
import org.opencentral.platform.export.delivery.MinuteFiles;
import org.opencentral.platform.export.delivery.PipeContext;
import org.opencentral.platform.export.delivery.PostgresSender;
import org.opencentral.platform.export.delivery.WebhookSender;

/**
 * Data export: the definitions' service and the runner that delivers enabled exports, wired to the
 * state store (devices, their properties for enrichments, template names), the event log, each
 * destination type's sender and the configured retries; each pipe's counters go to the settings'
 * meters; "try it" samples come from the first device and its last telemetry values.
 */
record Exports(ExportService service, ExportRunner runner) {

    static Exports create(StateStore state, EventLog log, PlatformSettings settings, Clock clock) {
        StoredDeviceFacts facts = new StoredDeviceFacts(state);
        PipeContext context = new PipeContext(log, state.cursors(), new ExportMessages(settings.applicationId()),
                facts::of, settings.exportRetry(), clock, PipeContext.BATCH);
        HttpClient client = WebhookSender.client();
        ExportRunner runner = new ExportRunner(state.exports(), context, destination -> sender(client, settings, destination),
                settings.exportMeters());
        TransformTrial trial = new TransformTrial(context.messages(), () -> sampleDevice(state, facts),
                context.devices(), id -> lastTelemetry(state, id), clock);
        return new Exports(new ExportService(state.exports(), runner, trial), runner);
    }

    /** The first device of the application, for samples of "try it". */
    private static Optional<DeviceFacts> sampleDevice(StateStore state, StoredDeviceFacts facts) {
        return state.devices().list(DeviceListQuery.all(1)).items().stream().findFirst()
                .map(device -> facts.of(Optional.of(device)));
    }

    /** A device's last telemetry values of its default component. */
    private static ObjectNode lastTelemetry(StateStore state, DeviceId id) {
        ObjectNode values = Json.object();
        state.lastValues().list(id, 100).stream().filter(v -> v.component().isEmpty())
                .forEach(v -> values.set(v.name(), v.value()));
        return values;
    }

    /** The destination types and their senders: one row per type. */
    private static BatchSender sender(HttpClient client, PlatformSettings settings, Destination destination) {
        return switch (destination) {
            case WebhookDestination webhook -> new Lanes(new WebhookSender(client, webhook));
            case KafkaDestination kafka -> new KafkaSender(KafkaTarget.of(kafka));
            case EventHubsDestination eventHubs -> new KafkaSender(KafkaTarget.of(eventHubs));
            case PostgresDestination table -> new PostgresSender(settings.exportTables().open(table));
            case BlobStorageDestination blob -> new MinuteFiles(new BlobFiles(blob));
            case FolderDestination folder -> new MinuteFiles(settings.exportFolders()
                    .<MinuteFiles.Files>map(root -> new FolderFiles(root, folder))
                    .orElse(FolderFiles.NONE));
        };
    }
}
