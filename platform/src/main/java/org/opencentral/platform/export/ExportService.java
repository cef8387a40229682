package org.opencentral.platform.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.core.export.Destination;
import org.opencentral.core.export.DestinationReference;
import org.opencentral.core.export.Export;
import org.opencentral.core.export.ExportSource;
import org.opencentral.core.store.ExportStore;
import org.opencentral.core.store.Page;
import org.opencentral.platform.export.transform.ExportTransform;

/**
 * Data export definitions: an export's filter must parse in the query language (refused with the
 * parser's positioned message otherwise), its transforms must compile (an {@code InvalidTransform}
 * naming the destination otherwise), its destinations must exist, and a destination an export
 * sends to cannot be deleted (409).
 */
public final class ExportService {
    private final ExportStore store;
    private final ExportHealth health;
    private final TransformTrial trial;

    public ExportService(ExportStore store, ExportHealth health, TransformTrial trial) {
        this.store = Objects.requireNonNull(store, "store");
        this.health = Objects.requireNonNull(health, "health");
        this.trial = Objects.requireNonNull(trial, "trial");
    }

    /** Runs {@code transform} on a sample of {@code source} (or on {@code message}); changes nothing. */
    public TransformTrial.Outcome tryTransform(ExportSource source, String transform, Optional<ObjectNode> message) {
        return trial.run(source, transform, message);
    }

    public Optional<Export> findExport(String id) {
        return store.findExport(id);
    }

    public Export export(String id) {
        return store.findExport(id).orElseThrow(() -> DomainException.notFound("export '" + id + "'"));
    }

    public Page<Export> exports(Optional<String> after, int limit) {
        return store.listExports(after, limit);
    }

    /** The exports that send to an existing destination (404 otherwise). */
    public Page<Export> exportsTo(String destinationId, Optional<String> after, int limit) {
        destination(destinationId);
        return store.listExportsTo(destinationId, after, limit);
    }

    /** Creates or replaces the export; its filter must parse and its transforms compile. */
    public Export putExport(Export export) {
        ExportMatcher.compile(export.filter());
        for (DestinationReference destination : export.destinations()) {
            destination.transform().ifPresent(transform -> compile(destination.id(), transform));
        }
        store.putExport(export);
        return export;
    }

    private static void compile(String destinationId, String transform) {
        try {
            ExportTransform.compile(transform);
        } catch (DomainException invalid) {
            throw new DomainException(invalid.code(), "transform of destination '" + destinationId + "': "
                    + invalid.getMessage());
        }
    }

    public void deleteExport(String id) {
        if (!store.deleteExport(id)) {
            throw DomainException.notFound("export '" + id + "'");
        }
    }

    public Optional<Destination> findDestination(String id) {
        return store.findDestination(id);
    }

    public Destination destination(String id) {
        return store.findDestination(id).orElseThrow(() -> DomainException.notFound("destination '" + id + "'"));
    }

    public Page<Destination> destinations(Optional<String> after, int limit) {
        return store.listDestinations(after, limit);
    }

    public Destination putDestination(Destination destination) {
        store.putDestination(destination);
        return destination;
    }

    public void deleteDestination(String id) {
        if (!store.deleteDestination(id)) {
            throw DomainException.notFound("destination '" + id + "'");
        }
    }

    /** An export's read-only status, errors and last export time. */
    public ExportStatus status(Export export) {
        return health.of(export);
    }

    /** The delivery counters of every export and destination pair that has run since the server started. */
    public List<DeliveryCounters> counters() {
        return health.counters();
    }

    /** A destination's read-only status, errors and last export time. */
    public ExportStatus status(Destination destination) {
        return health.of(destination);
    }
}
