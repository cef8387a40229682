package org.opencentral.platform.export;

import java.util.Objects;
import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.core.export.Destination;
import org.opencentral.core.export.Export;
import org.opencentral.core.store.ExportStore;
import org.opencentral.core.store.Page;

/**
 * Data export definitions: an export's filter must parse in the query language (refused with the
 * parser's positioned message otherwise), its destinations must exist, and a destination an export
 * sends to cannot be deleted (409).
 */
public final class ExportService {
    private final ExportStore store;
    private final ExportHealth health;

    /** Definitions only: no runner delivers them ({@link ExportHealth#NOT_RUNNING}). */
    public ExportService(ExportStore store) {
        this(store, ExportHealth.NOT_RUNNING);
    }

    public ExportService(ExportStore store, ExportHealth health) {
        this.store = Objects.requireNonNull(store, "store");
        this.health = Objects.requireNonNull(health, "health");
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

    /** Creates or replaces the export; its filter must parse. */
    public Export putExport(Export export) {
        ExportMatcher.compile(export.filter());
        store.putExport(export);
        return export;
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

    /** A destination's read-only status, errors and last export time. */
    public ExportStatus status(Destination destination) {
        return health.of(destination);
    }
}
