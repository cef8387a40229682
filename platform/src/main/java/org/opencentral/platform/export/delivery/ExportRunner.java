package org.opencentral.platform.export.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.opencentral.core.export.Destination;
import org.opencentral.core.export.DestinationReference;
import org.opencentral.core.export.Export;
import org.opencentral.core.store.ExportStore;
import org.opencentral.core.store.Page;
import org.opencentral.platform.background.BackgroundLoop;
import org.opencentral.platform.export.DeliveryCounters;
import org.opencentral.platform.export.ExportHealth;
import org.opencentral.platform.export.ExportStatus;

/**
 * Runs every enabled export: one {@link Pipe} (with its own durable cursor) per export and
 * destination, rebuilt when a definition changes and dropped (keeping its cursor) when the export is
 * disabled or deleted. {@link #runOnce()} re-reads the definitions and steps every pipe once (tests
 * call it directly); {@link #start()} runs the same on a {@link BackgroundLoop} woken by every
 * durable append and at least every second, so backoffs and rechecks come due, re-reading the
 * definitions at most once a second. The pipes share a {@link DeviceFactsCache}. It is the {@link ExportHealth}
 * the API answers statuses from.
 */
public final class ExportRunner implements ExportHealth, AutoCloseable {
    private static final int PAGE = 100;
    private static final long REFRESH_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);

    private final ExportStore store;
    private final PipeContext context;
    private final DeviceFactsCache devices;
    private final Function<Destination, BatchSender> senders;
    private final Consumer<PipeStats> newStats;
    private final Map<String, PipeStats> stats = new ConcurrentHashMap<>();
    private final BackgroundLoop loop;
    private volatile Map<String, Pipe> pipes = Map.of();
    private long lastRefresh = System.nanoTime() - REFRESH_NANOS;

    /**
     * @param senders  a new sender of a destination, for a new pipe (closed when the pipe is dropped)
     * @param newStats told once of the counters of each export and destination pair, to bind meters
     */
    public ExportRunner(ExportStore store, PipeContext context, Function<Destination, BatchSender> senders,
            Consumer<PipeStats> newStats) {
        this.store = Objects.requireNonNull(store, "store");
        this.context = Objects.requireNonNull(context, "context");
        this.devices = new DeviceFactsCache(context.devices());
        this.senders = Objects.requireNonNull(senders, "senders");
        this.newStats = Objects.requireNonNull(newStats, "newStats");
        this.loop = BackgroundLoop.startingThreads("export-runner", this::step); // lanes run on virtual threads
    }

    /** Re-reads the definitions and steps every pipe once; how many events the pipes moved past. */
    public int runOnce() {
        refresh();
        return stepPipes();
    }

    private int stepPipes() {
        int handled = 0;
        for (Pipe pipe : pipes.values()) {
            handled += pipe.step();
        }
        return handled;
    }

    public void start() {
        context.log().onAppended(loop::wake);
        loop.start();
    }

    /** The loop's step: the definitions are re-read at most once a second, however often appends wake it. */
    private BackgroundLoop.Next step() {
        long now = System.nanoTime();
        if (now - lastRefresh >= REFRESH_NANOS) {
            refresh();
            lastRefresh = now;
        }
        return stepPipes() > 0 ? BackgroundLoop.Next.AGAIN : BackgroundLoop.Next.IDLE;
    }

    private void refresh() {
        Map<String, Destination> destinations = new LinkedHashMap<>();
        all(after -> store.listDestinations(after, PAGE)).forEach(d -> destinations.put(d.id(), d));
        Map<String, Pipe> current = pipes;
        Map<String, Pipe> next = new LinkedHashMap<>();
        for (Export export : all(after -> store.listExports(after, PAGE))) {
            if (!export.enabled()) {
                continue;
            }
            for (DestinationReference reference : export.destinations()) {
                Destination destination = destinations.get(reference.id());
                if (destination == null) {
                    continue;
                }
                String key = export.id() + "\n" + destination.id();
                Pipe pipe = current.get(key);
                next.put(key, pipe != null && pipe.serves(export, destination) ? pipe
                        : new Pipe(export, destination, senders.apply(destination), context, devices,
                                stats(key, export, destination)));
            }
        }
        pipes = Map.copyOf(next);
        current.forEach((key, pipe) -> {
            if (next.get(key) != pipe) {
                pipe.close();
            }
        });
    }

    private PipeStats stats(String key, Export export, Destination destination) {
        return stats.computeIfAbsent(key, k -> {
            PipeStats created = new PipeStats(export.id(), destination.id());
            newStats.accept(created);
            return created;
        });
    }

    private static <T> List<T> all(Function<Optional<String>, Page<T>> page) {
        List<T> items = new ArrayList<>();
        Optional<String> after = Optional.empty();
        while (true) {
            Page<T> read = page.apply(after);
            items.addAll(read.items());
            if (read.next().isEmpty()) {
                return items;
            }
            after = read.next();
        }
    }

    @Override
    public ExportStatus of(Export export) {
        if (!export.enabled()) {
            return ExportStatus.DISABLED;
        }
        List<Pipe> of = pipes.values().stream().filter(p -> p.exportId().equals(export.id())).toList();
        if (of.isEmpty()) {
            return new ExportStatus(export.destinations().isEmpty() ? "healthy" : "starting", List.of(),
                    Optional.empty());
        }
        long failing = of.stream().filter(Pipe::inError).count();
        String status = failing == 0 ? "healthy" : failing == of.size() ? "error" : "partiallyHealthy";
        return summary(status, of);
    }

    @Override
    public ExportStatus of(Destination destination) {
        List<Pipe> of = pipes.values().stream().filter(p -> p.destinationId().equals(destination.id())).toList();
        if (of.isEmpty()) {
            return ExportStatus.NOT_STARTED;
        }
        return summary(of.stream().anyMatch(Pipe::inError) ? "error" : "healthy", of);
    }

    @Override
    public List<DeliveryCounters> counters() {
        return stats.values().stream().map(PipeStats::counters)
                .sorted(Comparator.comparing(DeliveryCounters::exportId).thenComparing(DeliveryCounters::destinationId))
                .toList();
    }

    private static ExportStatus summary(String status, List<Pipe> pipes) {
        List<ExportStatus.Error> errors = pipes.stream().flatMap(p -> p.errors().stream()).distinct().toList();
        Optional<Instant> last = pipes.stream().flatMap(p -> p.lastExportTime().stream())
                .max(Comparator.naturalOrder());
        return new ExportStatus(status, errors, last);
    }

    @Override
    public void close() {
        loop.close();
        pipes.values().forEach(Pipe::close);
    }
}
