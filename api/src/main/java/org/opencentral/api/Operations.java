package org.opencentral.api;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Hooks into the process's operations: {@code ready} says whether every listener is up
 * ({@code /healthz}), {@code scrape} renders the Prometheus text ({@code /metrics}), and
 * {@code registry} receives the HTTP request timers.
 */
public record Operations(BooleanSupplier ready, Supplier<String> scrape, MeterRegistry registry) {
    public Operations {
        Objects.requireNonNull(ready, "ready");
        Objects.requireNonNull(scrape, "scrape");
        Objects.requireNonNull(registry, "registry");
    }
}
