package org.opencentral.platform.export.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.event.PlatformEvent;
import org.opencentral.core.export.Destination;
import org.opencentral.core.export.Export;
import org.opencentral.platform.export.DeviceFacts;
import org.opencentral.platform.export.Enrichments;
import org.opencentral.platform.export.ExportMatcher;
import org.opencentral.platform.export.ExportMessages;

/**
 * One export's delivery to one of its destinations, from its own durable cursor
 * ({@code export:{exportId}:{destinationId}}): reads a batch after the cursor, sends the messages of
 * the export's source that pass its filter, in order per device ({@link BatchSender}), and saves the cursor
 * before the earliest message the destination refused (after the batch when it accepted them all).
 * A refusal keeps the cursor there and waits out the retry
 * policy's backoff before the next attempt (which starts again at the refused message); after
 * {@link RetryPolicy#giveUpAfter()} of refusals the destination is in error and tried every
 * {@link RetryPolicy#recheck()}. A pipe of an export and destination never seen before starts at the
 * end of the log (a cursor {@code …:started} remembers that it has started, since the log's position
 * 0 alone cannot tell a new pipe from one that started on an empty log); a rebuilt or re-enabled one
 * continues from its cursor.
 */
final class Pipe implements AutoCloseable {
    /** IoT Central's user properties of an exported message and the {@code default@v1} members they come from. */
    private static final Map<String, String> USER_PROPERTIES = orderedMap("iotcentral-device-id", "deviceId",
            "iotcentral-application-id", "applicationId", "iotcentral-message-source", "messageSource",
            "iotcentral-message-type", "messageType");

    private final Export export;
    private final Destination destination;
    private final ExportMatcher matcher;
    private final BatchSender sender;
    private final PipeContext context;
    private final PipeStats stats;
    private final String cursor;
    private Optional<Instant> failingSince = Optional.empty();
    private Optional<Instant> nextAttempt = Optional.empty();
    private int attempts;
    private volatile Optional<String> lastError = Optional.empty();
    private volatile boolean error;
    private volatile Optional<Instant> lastExportTime = Optional.empty();

    Pipe(Export export, Destination destination, BatchSender sender, PipeContext context, PipeStats stats) {
        this.export = export;
        this.destination = destination;
        this.matcher = ExportMatcher.compile(export.filter());
        this.sender = sender;
        this.context = context;
        this.stats = stats;
        this.cursor = "export:" + export.id() + ":" + destination.id();
        String started = cursor + ":started";
        if (context.cursors().position(started) == 0) {
            context.cursors().save(cursor, Math.max(context.cursors().position(cursor), context.log().lastSequence()));
            context.cursors().save(started, 1);
        }
    }

    /** Whether this pipe delivers {@code export} to {@code destination} as they are defined now. */
    boolean serves(Export export, Destination destination) {
        return this.export.equals(export) && this.destination.equals(destination);
    }

    /** Delivers at most one batch if no backoff is pending; how many events it moved the cursor past. */
    int step() {
        Instant now = context.clock().instant();
        if (nextAttempt.isPresent() && now.isBefore(nextAttempt.get())) {
            return 0;
        }
        long from = context.cursors().position(cursor);
        List<LoggedEvent> batch = context.log().read(from, context.batchSize());
        stats.lagEvents.set(Math.max(0, context.log().lastSequence() - from));
        stats.lagSeconds.set(batch.isEmpty() ? 0
                : Math.max(0, Duration.between(batch.getFirst().event().time(), now).toSeconds()));
        if (batch.isEmpty()) {
            return 0;
        }
        Map<DeviceId, DeviceFacts> devices = new HashMap<>();
        List<BatchSender.Outgoing> outgoing = new ArrayList<>();
        for (LoggedEvent logged : batch) {
            message(logged.event(), devices).ifPresent(m -> outgoing.add(outgoing(logged, m)));
        }
        Optional<BatchSender.Refusal> refusal = sender.send(outgoing, () -> {
            stats.sent.incrementAndGet();
            lastExportTime = Optional.of(now);
        });
        if (refusal.isPresent()) {
            long done = refusal.get().sequence() - 1;
            save(from, done);
            refused(refusal.get().failure(), now);
            return (int) Math.max(0, done - from);
        }
        save(from, batch.getLast().sequence());
        accepted();
        return batch.size();
    }

    /** The event's one message (its place 0 among the event's messages) with what is known of it. */
    private BatchSender.Outgoing outgoing(LoggedEvent logged, ObjectNode message) {
        Optional<String> device = logged.event() instanceof PlatformEvent.DeviceEvent d
                ? Optional.of(d.deviceId().value()) : Optional.empty();
        Map<String, String> properties = new LinkedHashMap<>();
        USER_PROPERTIES.forEach((name, member) -> {
            if (message.path(member).isTextual()) {
                properties.put(name, message.get(member).asText());
            }
        });
        return new BatchSender.Outgoing(logged.sequence(), device, export.id() + ":" + logged.sequence() + ":0",
                properties, logged.event().time().truncatedTo(ChronoUnit.MILLIS), message);
    }

    private void save(long from, long done) {
        if (done > from) {
            context.cursors().save(cursor, done);
            stats.lagEvents.set(Math.max(0, context.log().lastSequence() - done));
        }
    }

    /** The message of {@code event} if the export sends it; {@code devices} caches lookups for one batch. */
    private Optional<ObjectNode> message(PlatformEvent event, Map<DeviceId, DeviceFacts> devices) {
        if (ExportMessages.source(event).filter(export.source()::equals).isEmpty()) {
            return Optional.empty();
        }
        DeviceFacts facts = event instanceof PlatformEvent.DeviceEvent device
                ? devices.computeIfAbsent(device.deviceId(), context.devices()) : DeviceFacts.NONE;
        ObjectNode message = context.messages().message(event, facts);
        if (!matcher.matches(message, facts)) {
            return Optional.empty();
        }
        Enrichments.add(message, export.enrichments(), facts);
        return Optional.of(message);
    }

    private void refused(DeliveryFailure failure, Instant now) {
        stats.failed.incrementAndGet();
        if (attempts > 0) {
            stats.retries.incrementAndGet();
        }
        attempts++;
        lastError = Optional.of(failure.getMessage());
        Instant since = failingSince.orElse(now);
        failingSince = Optional.of(since);
        RetryPolicy retry = context.retry();
        error = !now.isBefore(since.plus(retry.giveUpAfter()));
        nextAttempt = Optional.of(now.plus(error ? retry.recheck() : retry.backoff(attempts)));
    }

    private void accepted() {
        failingSince = Optional.empty();
        nextAttempt = Optional.empty();
        attempts = 0;
        error = false;
        lastError = Optional.empty();
    }

    /** Closes the sender: the pipe is dropped. */
    @Override
    public void close() {
        sender.close();
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    String exportId() {
        return export.id();
    }

    String destinationId() {
        return destination.id();
    }

    boolean inError() {
        return error;
    }

    Optional<String> lastError() {
        return lastError;
    }

    Optional<Instant> lastExportTime() {
        return lastExportTime;
    }
}
