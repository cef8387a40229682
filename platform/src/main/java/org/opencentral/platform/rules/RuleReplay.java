package org.opencentral.platform.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.event.PlatformEvent;
import org.opencentral.core.rule.Rule;
import org.opencentral.core.rule.RuleHistoryEntry;
import org.opencentral.platform.telemetry.TelemetryParses;

/**
 * Runs a rule (stored, changed or new) over a past time range of the event log without storing or
 * sending anything (a dry run): the fires, re-notifications and resolves it would have produced,
 * from a fresh state at {@code from}. Time passes with the log's events (at most once a second of
 * their time) and at {@code to}, so a window closes, an absence fires and a quiet period ends at
 * the first event after the moment, or at the end of the range. Reads at most {@value #MAX_EVENTS}
 * events and answers at most {@value #MAX_ENTRIES} entries; beyond either it stops and says so.
 */
public final class RuleReplay {
    public static final int MAX_EVENTS = 1_000_000;
    public static final int MAX_ENTRIES = 1_000;
    public static final Duration MAX_RANGE = Duration.ofDays(31);
    private static final int PAGE = 5_000;

    private final EventLog log;
    private final DeviceSources devices;
    private final TelemetryParses parses;

    public RuleReplay(EventLog log, DeviceSources devices, TelemetryParses parses) {
        this.log = Objects.requireNonNull(log, "log");
        this.devices = Objects.requireNonNull(devices, "devices");
        this.parses = Objects.requireNonNull(parses, "parses");
    }

    /** What a replay produced, how many events it read, and whether it stopped at a limit. */
    public record Result(List<RuleHistoryEntry> entries, long eventsRead, boolean truncated) {
        public Result {
            entries = List.copyOf(entries);
        }
    }

    public Result replay(Rule rule, Instant from, Instant to) {
        if (!to.isAfter(from) || Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw DomainException.badRequest("a replay's range ends after it starts and spans at most " + MAX_RANGE);
        }
        Run run = new Run(rule, from);
        long after = firstAtOrAfter(from) - 1;
        while (run.entries.size() < MAX_ENTRIES && run.read < MAX_EVENTS) {
            List<LoggedEvent> page = log.read(after, PAGE);
            if (page.isEmpty() || !run.accept(page, to)) {
                break;
            }
            after = page.getLast().sequence();
        }
        boolean truncated = run.entries.size() >= MAX_ENTRIES || run.read >= MAX_EVENTS;
        if (!truncated) {
            run.advanceAll(to);
        }
        List<RuleHistoryEntry> entries = run.entries.subList(0, Math.min(run.entries.size(), MAX_ENTRIES));
        return new Result(entries, run.read, truncated || run.entries.size() > MAX_ENTRIES);
    }

    /** The sequence of the first event at or after {@code time} (events are in time order). */
    private long firstAtOrAfter(Instant time) {
        long low = 1;
        long high = log.lastSequence() + 1;
        while (low < high) {
            long middle = (low + high) >>> 1;
            List<LoggedEvent> at = log.read(middle - 1, 1);
            if (at.isEmpty()) {
                high = middle;
            } else if (at.getFirst().event().time().isBefore(time)) {
                low = at.getFirst().sequence() + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** One replay's state: fresh instances, nothing stored. */
    private final class Run {
        private final Rule rule;
        private final RuleEvaluator evaluator;
        private final KnownDevices facts = new KnownDevices(devices);
        private final Observations observations = new Observations(parses);
        private final Map<DeviceId, Instance> instances = new HashMap<>();
        private final List<RuleHistoryEntry> entries = new ArrayList<>();
        private Instant lastTick;
        private long read;

        Run(Rule rule, Instant from) {
            this.rule = rule;
            this.evaluator = new RuleEvaluator(rule, "replay");
            this.lastTick = from;
        }

        /** Evaluates a page; false once an event lies past {@code to}. */
        boolean accept(List<LoggedEvent> page, Instant to) {
            for (LoggedEvent logged : page) {
                PlatformEvent event = logged.event();
                if (event.time().isAfter(to)) {
                    return false;
                }
                read++;
                if (!event.time().isBefore(lastTick.plusSeconds(1))) {
                    advanceAll(event.time());
                }
                facts.observed(event);
                if (event instanceof PlatformEvent.DeviceEvent deviceEvent) {
                    observe(logged, deviceEvent);
                }
            }
            return true;
        }

        private void observe(LoggedEvent logged, PlatformEvent.DeviceEvent event) {
            if (event instanceof PlatformEvent.DeviceLifecycle
                    || !facts.template(event.deviceId()).equals(Optional.of(rule.template()))
                    || !facts.covers(rule, event.deviceId())) {
                return;
            }
            observations.of(logged).ifPresent(observation -> evaluator.observe(instances.computeIfAbsent(
                    event.deviceId(), d -> evaluator.instance(d, observation.time())), observation,
                    logged.sequence(), facts, entries));
        }

        void advanceAll(Instant now) {
            lastTick = now;
            instances.values().forEach(instance -> evaluator.advance(instance, now, facts, entries));
        }
    }
}
