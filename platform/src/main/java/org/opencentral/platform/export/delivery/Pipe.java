package org.opencentral.platform.export.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opencentral.core.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.event.PlatformEvent;
import org.opencentral.core.event.PlatformEvent.TelemetryReceived;
import org.opencentral.core.export.Destination;
import org.opencentral.core.export.DestinationReference;
import org.opencentral.core.export.Export;
import org.opencentral.core.export.ExportSource;
import org.opencentral.platform.export.DeviceFacts;
import org.opencentral.platform.export.Enrichments;
import org.opencentral.platform.export.ExportMatcher;
import org.opencentral.platform.export.ExportMessages;
import org.opencentral.platform.export.ExportStatus;
import org.opencentral.platform.export.transform.ExportTransform.Result;

/**
 * One export's delivery to one of its destinations, from its own durable cursor
 * ({@code export:{exportId}:{destinationId}}): reads a batch after the cursor, sends the messages of
 * the export's source that pass its filter, in order per device ({@link BatchSender}), and saves the cursor
 * before the earliest message the destination refused (after the batch when it accepted them all). The
 * cursor is read from the store at the first step and then kept in memory (the pipe is its only writer;
 * the store keeps the durable copy); the lag (events and seconds) is updated every step, also while a backoff waits.
 * A sender that allows several batches in flight ({@link BatchSender#inFlight()}) gets the next batch
 * while the last ones are on their way ({@link Flights}); the cursor still moves only past batches
 * accepted whole, in log order. A refusal drops the batches after it, keeps the cursor there and waits out the retry
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
    private final TransformStep transform;
    /** Whether a telemetry message is written straight to bytes: nothing reads or reshapes it as a tree. */
    private final boolean direct;
    private final BatchSender sender;
    private final PipeContext context;
    private final DeviceFactsCache devices;
    private final PipeStats stats;
    private final String cursor;
    private final Flights flights;
    /** The cursor's position: read from the store at the first step, then kept here (this pipe is its only writer). */
    private long position = -1;
    /** The oldest event not yet accepted, as of the last batch started: the time the lag in seconds counts from. */
    private Optional<Instant> lagFrom = Optional.empty();
    private Optional<Instant> failingSince = Optional.empty();
    private Optional<Instant> nextAttempt = Optional.empty();
    private int attempts;
    private volatile Optional<String> lastError = Optional.empty();
    private volatile Optional<String> transformError = Optional.empty();
    private volatile boolean error;
    private volatile Optional<Instant> lastExportTime = Optional.empty();

    Pipe(Export export, Destination destination, BatchSender sender, PipeContext context, DeviceFactsCache devices,
            PipeStats stats) {
        this.export = export;
        this.destination = destination;
        this.matcher = ExportMatcher.compile(export.filter());
        this.transform = TransformStep.of(export.destinations().stream().filter(d -> d.id().equals(destination.id()))
                .findFirst().flatMap(DestinationReference::transform));
        this.direct = !matcher.readsMessage() && transform instanceof TransformStep.None;
        this.sender = sender;
        this.context = context;
        this.devices = devices;
        this.stats = stats;
        this.cursor = "export:" + export.id() + ":" + destination.id();
        this.flights = new Flights(sender.inFlight());
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

    /**
     * One step if no backoff is pending: starts the next batch after those in flight (if fewer than
     * the sender allows are), then settles the batches whose outcome is known, waiting for the oldest
     * when no batch was started (none to read, or the sender allows no more); saves the cursor once,
     * after the last batch accepted. How many events it started and settled: 0 when there was nothing to do.
     */
    int step() {
        if (position < 0) {
            position = context.cursors().position(cursor);
        }
        long saved = position;
        stats.lagEvents.set(Math.max(0, context.log().lastSequence() - saved));
        Instant now = context.clock().instant();
        if (nextAttempt.isPresent() && now.isBefore(nextAttempt.get())) {
            lagFrom.ifPresent(from -> stats.lagSeconds.set(Math.max(0, Duration.between(from, now).toSeconds())));
            return 0;
        }
        int started = flights.full() ? 0 : start(flights.next(saved), now);
        Flights.Settled settled = flights.settle(started == 0);
        if (settled.refusal().isPresent()) {
            sender.abandon();
            long done = settled.refusal().get().sequence() - 1;
            save(saved, done);
            refused(settled.refusal().get().failure(), now);
            return started + (int) Math.max(0, done - saved);
        }
        if (settled.acceptedUpTo().isPresent()) {
            save(saved, settled.acceptedUpTo().getAsLong());
            accepted();
        }
        return started + settled.events();
    }

    /** Reads a batch at {@code from} and starts sending its messages; how many events it read. */
    private int start(long from, Instant now) {
        List<LoggedEvent> batch = context.log().read(from, context.batchSize());
        Instant oldest = flights.oldest().orElse(batch.isEmpty() ? now : batch.getFirst().event().time());
        lagFrom = Optional.of(oldest);
        stats.lagSeconds.set(Math.max(0, Duration.between(oldest, now).toSeconds()));
        if (batch.isEmpty()) {
            return 0;
        }
        List<BatchSender.Outgoing> outgoing = new ArrayList<>();
        for (LoggedEvent logged : batch) {
            devices.saw(logged.event());
            outgoing.addAll(messages(logged));
        }
        flights.add(batch.getLast().sequence(), batch.size(), batch.getFirst().event().time(),
                sender.start(outgoing, () -> {
                    stats.sent.incrementAndGet();
                    lastExportTime = Optional.of(now);
                }));
        return batch.size();
    }

    /**
     * The outputs of one event as outgoing messages, the {@code n}th keyed {@code {exportId}:{sequence}:{n}};
     * the user properties come from the {@code default@v1} message before the transform reshapes it.
     */
    private List<BatchSender.Outgoing> outgoing(LoggedEvent logged, ObjectNode message, List<ObjectNode> outputs) {
        Map<String, String> properties = new LinkedHashMap<>();
        USER_PROPERTIES.forEach((name, member) -> {
            if (message.path(member).isTextual()) {
                properties.put(name, message.get(member).asText());
            }
        });
        List<BatchSender.Outgoing> outgoing = new ArrayList<>(outputs.size());
        for (int n = 0; n < outputs.size(); n++) {
            outgoing.add(outgoing(logged, n, properties, Json.bytes(outputs.get(n))));
        }
        return outgoing;
    }

    private BatchSender.Outgoing outgoing(LoggedEvent logged, int n, Map<String, String> properties, byte[] json) {
        Optional<String> device = logged.event() instanceof PlatformEvent.DeviceEvent d
                ? Optional.of(d.deviceId().value()) : Optional.empty();
        return new BatchSender.Outgoing(logged.sequence(), device, export.id() + ":" + logged.sequence() + ":" + n,
                properties, logged.event().time().truncatedTo(ChronoUnit.MILLIS), json);
    }

    /**
     * The message of a telemetry event written straight to bytes when nothing needs it as a tree
     * ({@link #direct}); empty if it must be formatted as one (a body that is not one JSON object).
     */
    private Optional<List<BatchSender.Outgoing>> direct(LoggedEvent logged, TelemetryReceived t, DeviceFacts facts) {
        if (!matcher.matchesDevice(facts)) {
            return Optional.of(List.of());
        }
        ExportMessages messages = context.messages();
        return messages.telemetryJson(t, facts, Enrichments.of(export.enrichments(), facts))
                .map(json -> List.of(outgoing(logged, 0, Map.of("iotcentral-device-id", t.deviceId().value(),
                        "iotcentral-application-id", messages.applicationId(),
                        "iotcentral-message-source", ExportSource.TELEMETRY.wireName()), json)));
    }

    private void save(long from, long done) {
        if (done > from) {
            context.cursors().save(cursor, done);
            position = done;
            stats.lagEvents.set(Math.max(0, context.log().lastSequence() - done));
        }
    }

    /**
     * The messages to send for the logged event: none if the export does not send it, else its message
     * or the outputs of the destination's transform. A failing transform sends nothing for the event:
     * it is counted as failed and its reason kept in the errors (the cursor moves past it).
     */
    private List<BatchSender.Outgoing> messages(LoggedEvent logged) {
        PlatformEvent event = logged.event();
        if (ExportMessages.source(event).filter(export.source()::equals).isEmpty()) {
            return List.of();
        }
        DeviceFacts facts = event instanceof PlatformEvent.DeviceEvent device
                ? devices.of(device.deviceId()) : DeviceFacts.NONE;
        if (direct && event instanceof TelemetryReceived t) {
            Optional<List<BatchSender.Outgoing>> written = direct(logged, t, facts);
            if (written.isPresent()) {
                return written.get();
            }
        }
        ObjectNode message = context.messages().message(event, facts);
        if (!matcher.matches(message, facts)) {
            return List.of();
        }
        Enrichments.add(message, export.enrichments(), facts);
        return switch (transform.apply(message, facts)) {
            case Result.Outputs outputs -> outgoing(logged, message, outputs.messages());
            case Result.Failed failed -> {
                stats.failed.incrementAndGet();
                transformError = Optional.of(failed.reason());
                yield List.of();
            }
        };
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

    /** The destination's refusal while it refuses, and the last transform failure since the pipe was built. */
    List<ExportStatus.Error> errors() {
        List<ExportStatus.Error> errors = new ArrayList<>();
        lastError.ifPresent(e -> errors.add(new ExportStatus.Error(ExportStatus.Error.DELIVERY_FAILED, e)));
        transformError.ifPresent(e -> errors.add(new ExportStatus.Error(ExportStatus.Error.TRANSFORM_FAILED, e)));
        return errors;
    }

    Optional<Instant> lastExportTime() {
        return lastExportTime;
    }
}
