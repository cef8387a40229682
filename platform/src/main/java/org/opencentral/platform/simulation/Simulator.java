package org.opencentral.platform.simulation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.device.SimulationInterval;
import org.opencentral.core.filter.ListFilter;
import org.opencentral.core.filter.ListLiteral;
import org.opencentral.core.filter.Op;
import org.opencentral.core.store.DeviceField;
import org.opencentral.core.store.DeviceListQuery;
import org.opencentral.core.store.Page;
import org.opencentral.platform.ingest.TelemetryMessage;
import org.opencentral.platform.template.TemplateModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives every simulated device of this node from one scheduler thread. Each {@link #runOnce()}
 * sends the telemetry of at most {@code maxSendsPerTick} due devices, and none while more than
 * {@code maxInFlight} simulated messages wait to become durable (the log lags: real devices first).
 * Blocking work (twin writes, registry reads) runs on virtual threads.
 */
public final class Simulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);

    private final SimulationConfig config;
    private final SimulationPorts ports;
    private final Clock clock;
    private final Schedule schedule;
    private final Map<DeviceId, Running> running = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final LongAdder sent = new LongAdder();
    private final ExecutorService replies = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("opencentral-simulator").daemon().factory());

    /**
     * A started device: its generators, its session, the template version it was built from and its
     * interval. A new interval makes a new {@code Running} (and schedule entry) around the same session.
     */
    private record Running(SimulatedDevice device, SimulatedSession session, String templateVersion,
            Duration interval) {
    }

    public Simulator(SimulationConfig config, SimulationPorts ports, Clock clock) {
        this.config = config;
        this.ports = ports;
        this.clock = clock;
        this.schedule = new Schedule();
    }

    /** Resumes the simulated devices that exist (in the background) and starts ticking. */
    public void start() {
        Thread.ofVirtual().name("simulator-resume").start(this::resumeAll);
        long tick = config.tick().toMillis();
        ticker.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    /** Starts every simulated device in the registry; returns how many run. */
    public int resumeAll() {
        DeviceListQuery simulated = DeviceListQuery.matching(new ListFilter.Compare<>(DeviceField.SIMULATED, Op.EQ,
                new ListLiteral.Bool(true)), 1000);
        Optional<String> after = Optional.empty();
        do {
            Page<Device> page = ports.devices().list(simulated.after(after));
            page.items().forEach(d -> resume(d.id()));
            after = page.next();
        } while (after.isPresent());
        LOG.info("simulating {} devices", running.size());
        return running.size();
    }

    private void resume(DeviceId id) {
        try {
            sync(id);
        } catch (RuntimeException e) {
            LOG.warn("could not resume the simulation of device {}: {}", id, e.toString());
        }
    }

    /**
     * Starts, restarts or stops a device after its registry record changed. A new interval alone
     * keeps the simulation running: the device sends next one new interval from now.
     */
    public synchronized void sync(DeviceId id) {
        Optional<Device> device = ports.devices().find(id);
        Optional<TemplateModel> template = device.filter(d -> d.simulated() && d.enabled())
                .flatMap(ports.templates()::of);
        Running current = running.get(id);
        String version = template.map(t -> t.template().id() + " " + t.template().etag()).orElse("");
        Duration interval = device.flatMap(Device::simulationInterval).map(SimulationInterval::duration)
                .orElse(config.interval());
        if (current != null && current.templateVersion().equals(version)) {
            if (!current.interval().equals(interval)) {
                reschedule(current, interval);
            }
            return;
        }
        stop(id);
        template.ifPresent(t -> begin(id, t, version, interval));
    }

    private void reschedule(Running current, Duration interval) {
        Running changed = new Running(current.device(), current.session(), current.templateVersion(), interval);
        running.put(current.device().id(), changed);
        schedule.add(changed.device(), changed, clock.instant().plus(interval), interval);
        LOG.debug("device {} now sends every {}", current.device().id(), interval);
    }

    private void begin(DeviceId id, TemplateModel template, String version, Duration interval) {
        SimulatedDevice device = new SimulatedDevice(id, template.model(), id.value().hashCode() ^ version.hashCode());
        SimulatedSession session = new SimulatedSession(device, ports, replies, clock, () -> stop(id));
        Running started = new Running(device, session, version, interval);
        running.put(id, started);
        ports.sessions().register(session).ifPresent(old -> old.close("replaced by the simulation"));
        ports.sessions().subscribed(id);
        DeviceTwinReplies.initialReported(device, ports.twins().get(id).reported().properties(), clock.instant())
                .ifPresent(patch -> ports.twins().patchReported(id, patch));
        ports.cloudToDevice().deliverPending(session);
        schedule.add(device, started, clock.instant(), interval);
        LOG.debug("simulating device {} with template {}", id, version);
    }

    private void stop(DeviceId id) {
        Running stopped = running.remove(id);
        if (stopped != null) {
            ports.sessions().unregister(stopped.session());
        }
    }

    public boolean isRunning(DeviceId id) {
        return running.containsKey(id);
    }

    public int runningCount() {
        return running.size();
    }

    /** Telemetry messages sent by simulated devices since start. */
    public long messagesSent() {
        return sent.sum();
    }

    /** One tick: sends for the devices that are due, within the budget; returns how many sent. */
    public int runOnce() {
        Instant now = clock.instant();
        int sent = 0;
        Schedule.Due due;
        while (sent < config.maxSendsPerTick() && inFlight.get() < config.maxInFlight()
                && (due = schedule.pollDue(now)) != null) {
            Running current = running.get(due.device().id());
            if (current == null || current != due.token()) {
                continue;
            }
            send(due.device(), now);
            schedule.again(due, now);
            sent++;
        }
        return sent;
    }

    private void send(SimulatedDevice device, Instant now) {
        for (TelemetryMessage message : device.telemetry(now)) {
            inFlight.incrementAndGet();
            sent.increment();
            ports.ingest().telemetry(device.id(), message).whenComplete((seq, e) -> inFlight.decrementAndGet());
        }
    }

    private void tick() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warn("simulation tick failed; trying again at the next one", e);
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        running.keySet().forEach(this::stop);
        replies.shutdownNow();
    }
}
