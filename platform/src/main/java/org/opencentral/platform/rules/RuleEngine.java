package org.opencentral.platform.rules;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.event.PlatformEvent;
import org.opencentral.core.device.Device;
import org.opencentral.core.rule.ActionTask;
import org.opencentral.core.rule.Rule;
import org.opencentral.core.rule.RuleAction;
import org.opencentral.core.rule.RuleChanges;
import org.opencentral.core.rule.RuleHistoryEntry;
import org.opencentral.core.rule.RuleInstance;
import org.opencentral.core.store.RuleStore;
import org.opencentral.platform.eventlog.LogConsumer;

/**
 * Evaluates the rules from the event log, from its own durable cursor ({@value #NAME}): each device
 * event is observed by the enabled rules of the device's template (of a rule with a group or a
 * filter, only while the device is a member and matches), and a step's instance states,
 * fires and resolves are stored with the cursor in one transaction, so that after a crash the
 * engine continues where its last stored step ended (a step that stores nothing else stores the
 * cursor at most every {@link #CURSOR_INTERVAL} or {@value #CURSOR_EVENTS} events). {@link #runOnce()} lets time pass (on the
 * injected clock; while the engine lags the log, only up to the time of the last event it read):
 * it closes windows, fires absences and resolves quiet instances. A step that fails forgets the
 * engine's memory, which is read again from the store.
 */
public final class RuleEngine implements LogConsumer {
    public static final String NAME = "rules";
    /**
     * A step that stores nothing else stores the cursor only when this many events or {@link #CURSOR_INTERVAL}
     * passed since it was last stored: a step of the prompt lane's small batches then costs no state-store
     * write, which used to wait behind the background consumers' transactions (BENCHMARKS.md, issue 14).
     * After a crash the engine reads those events again from its stored state, which they did not change.
     */
    static final int CURSOR_EVENTS = 20_000;
    static final Duration CURSOR_INTERVAL = Duration.ofSeconds(1);

    private final RuleStore store;
    private final EventLog log;
    private final RuleEnginePorts ports;
    private final Observations observations;
    private final KnownDevices facts;
    private final Clock clock;
    private final LoadedRules rules;
    private final LongAdder fires = new LongAdder();
    /** The last sequence evaluated; -1 until the first step. Read without the engine's lock by {@link #lag()}. */
    private volatile long position = -1;
    private Instant lastEventTime;
    /** The cursor last stored, and when (-1: not since this engine started or forgot). */
    private long storedCursor = -1;
    private Instant storedAt = Instant.MIN;

    public RuleEngine(RuleStore store, EventLog log, RuleEnginePorts ports, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.log = Objects.requireNonNull(log, "log");
        this.ports = Objects.requireNonNull(ports, "ports");
        this.observations = new Observations(ports.parses());
        this.facts = new KnownDevices(ports.devices());
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rules = new LoadedRules(store, ports.edits());
        this.lastEventTime = clock.instant();
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The cursor is stored with the step's states and fires, in one transaction. */
    @Override
    public boolean storesCursor() {
        return true;
    }

    /** Rules have a lag target (p99 under a second): they follow the log in the prompt lane. */
    @Override
    public Pace pace() {
        return Pace.PROMPT;
    }

    /**
     * With no enabled rule, no event can change anything the engine stores: it skips them unread (and
     * forgets what it knew of devices, since it does not see their events).
     */
    @Override
    public synchronized boolean skips(long upTo) {
        try {
            rules.refresh();
        } catch (RuntimeException e) {
            forget();
            throw e;
        }
        if (rules.anyEnabled()) {
            return false;
        }
        facts.clear();
        if (cursorDue(upTo, false)) {
            record(Set.of(), List.of(), OptionalLong.of(upTo));
        }
        position = upTo;
        return true;
    }

    @Override
    public synchronized void handle(List<LoggedEvent> batch) {
        try {
            rules.refresh();
            List<RuleHistoryEntry> out = new ArrayList<>();
            Set<Instance> touched = new LinkedHashSet<>();
            for (LoggedEvent logged : batch) {
                facts.observed(logged.event());
                if (logged.event() instanceof PlatformEvent.DeviceEvent event) {
                    observe(logged, event, touched, out);
                }
                lastEventTime = logged.event().time();
            }
            long last = batch.getLast().sequence();
            record(touched, out, cursorDue(last, !touched.isEmpty() || !out.isEmpty())
                    ? OptionalLong.of(last) : OptionalLong.empty());
            position = last;
        } catch (RuntimeException e) {
            forget();
            throw e;
        }
    }

    /** Lets time pass up to the clock's now; returns how many fires and resolves it stored. */
    public synchronized int runOnce() {
        try {
            rules.refresh();
            boolean caughtUp = read() >= log.lastSequence();
            if (!caughtUp && position < 0) {
                return 0; // events are waiting and none was read yet: an unread message must not look absent
            }
            Instant now = caughtUp ? clock.instant() : lastEventTime;
            List<RuleHistoryEntry> out = new ArrayList<>();
            Set<Instance> touched = new LinkedHashSet<>();
            for (LoadedRules.Loaded loaded : rules.enabled()) {
                boolean timed = loaded.evaluator().timed();
                for (Instance instance : loaded.instances().values()) {
                    if ((timed || instance.status == RuleInstance.Status.FIRING)
                            && facts.covers(loaded.evaluator().rule(), instance.device)) {
                        loaded.evaluator().advance(instance, now, facts, out);
                        keep(instance, touched);
                    }
                }
            }
            record(touched, out, OptionalLong.empty());
            return out.size();
        } catch (RuntimeException e) {
            forget();
            throw e;
        }
    }

    /**
     * How far evaluation trails the log in time: zero when the engine has read every durable event,
     * else the age of the oldest event it has not read. (The age of the last event it read, as this
     * was before, counts an idle engine's quiet minutes as lag when one new event arrives.) Without the
     * engine's lock: a {@code /metrics} scrape never waits for a step, nor a step for a scrape.
     */
    public Duration lag() {
        List<LoggedEvent> unread = log.read(read(), 1);
        if (unread.isEmpty()) {
            return Duration.ZERO;
        }
        Duration age = Duration.between(unread.getFirst().event().time(), clock.instant());
        return age.isNegative() ? Duration.ZERO : age;
    }

    /** How many times rules fired (renotifications included) since start. */
    public long fires() {
        return fires.sum();
    }

    private void observe(LoggedEvent logged, PlatformEvent.DeviceEvent event, Set<Instance> touched,
            List<RuleHistoryEntry> out) {
        if (event instanceof PlatformEvent.DeviceLifecycle) {
            return;
        }
        Optional<String> template = facts.template(event.deviceId());
        if (template.isEmpty()) {
            return;
        }
        LoadedRules.Scope scope = rules.forTemplate(template.get());
        if (scope.rules().isEmpty()) {
            return;
        }
        Optional<Observation> observation = observations.of(logged);
        if (observation.isEmpty()) {
            return;
        }
        LoadedRules.Slots slots = rules.slots(event.deviceId(), scope.rules());
        BitSet candidates = scope.index().candidates(observation.get());
        slots.addFiring(candidates);
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            LoadedRules.Loaded loaded = scope.rules().get(i);
            if (!facts.covers(loaded.evaluator().rule(), event.deviceId())) {
                continue;
            }
            Instance instance = slots.instances()[i];
            if (instance == null) {
                if (!loaded.evaluator().starts(observation.get(), facts, event.deviceId())) {
                    continue;
                }
                instance = loaded.instance(event.deviceId(), observation.get().time());
                slots.put(i, instance);
            }
            loaded.evaluator().observe(instance, observation.get(), logged.sequence(), facts, out);
            keep(instance, touched);
        }
    }

    /**
     * Whether a step up to {@code last} stores the cursor: with anything else it stores, else once
     * {@link #CURSOR_EVENTS} events or {@link #CURSOR_INTERVAL} passed since the last stored one.
     */
    private boolean cursorDue(long last, boolean storing) {
        Instant now = clock.instant();
        boolean due = storing || storedCursor < 0 || last - storedCursor >= CURSOR_EVENTS
                || !now.isBefore(storedAt.plus(CURSOR_INTERVAL));
        if (due) {
            storedCursor = last;
            storedAt = now;
        }
        return due;
    }

    /** Keeps an instance to write at the end of the step when it changed. */
    private static void keep(Instance instance, Set<Instance> touched) {
        if (instance.changed()) {
            touched.add(instance);
        }
    }

    private void record(Set<Instance> touched, List<RuleHistoryEntry> out, OptionalLong cursor) {
        List<RuleInstance> changed = new ArrayList<>();
        touched.forEach(instance -> instance.takeChanged().ifPresent(changed::add));
        if (changed.isEmpty() && out.isEmpty() && cursor.isEmpty()) {
            return;
        }
        List<ActionTask> actions = new ArrayList<>();
        for (RuleHistoryEntry entry : out) {
            queue(entry, actions);
        }
        store.record(new RuleChanges(changed, out, actions, NAME, cursor));
        out.stream().filter(e -> e.kind().fires()).forEach(e -> fires.increment());
    }

    /**
     * Queues the actions of a fire (those {@code on} fire) or of a resolve (those on resolve) in the
     * outbox, due now, each keyed by the entry's key and the action's index.
     */
    private void queue(RuleHistoryEntry entry, List<ActionTask> actions) {
        Rule rule = rules.rule(entry.rule());
        Map<Integer, RuleAction> due = switch (entry.kind()) {
            case FIRED, RENOTIFIED -> rule.actionsOn(RuleAction.On.FIRE);
            case RESOLVED -> rule.actionsOn(RuleAction.On.RESOLVE);
            case ACTION_SENT, ACTION_FAILED -> Map.of();
        };
        if (due.isEmpty()) {
            return;
        }
        Optional<Device> device = facts.device(entry.device());
        for (int i : due.keySet()) {
            actions.add(new ActionTask(0, entry.key() + "#" + i, rule.id(), i, entry.device(),
                    FirePayload.of(rule, i, entry, device, ports.application()), 0, entry.at()));
        }
    }

    /** The last sequence evaluated: this run's position, else the stored cursor. */
    private long read() {
        return position >= 0 ? position : ports.cursors().position(NAME);
    }

    private void forget() {
        rules.clear();
        facts.clear();
        position = -1;
        storedCursor = -1;
    }
}
