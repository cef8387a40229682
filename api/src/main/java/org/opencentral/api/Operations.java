package org.opencentral.api;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Hooks into the process's operations: {@code ready} says whether every listener is up and
 * {@code problems} what keeps the node from doing all of its work now (a full disk, a store that
 * refuses writes), each a sentence for an operator ({@code /healthz}); {@code scrape} renders the
 * Prometheus text ({@code /metrics}), and {@code registry} receives the HTTP request timers.
 */
public record Operations(BooleanSupplier ready, Supplier<List<String>> problems, Supplier<String> scrape,
        MeterRegistry registry) {
    public Operations {
        Objects.requireNonNull(ready, "ready");
        Objects.requireNonNull(problems, "problems");
        Objects.requireNonNull(scrape, "scrape");
        Objects.requireNonNull(registry, "registry");
    }
}
