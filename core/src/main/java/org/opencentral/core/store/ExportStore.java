package org.opencentral.core.store;

import java.util.Optional;
import org.opencentral.core.export.Destination;
import org.opencentral.core.export.Export;

/**
 * Data export definitions: destinations and the exports that send to them. Secrets of destinations
 * are sealed at rest and opened on read. A destination cannot be deleted while an export sends to it,
 * and an export can only name destinations that exist.
 */
public interface ExportStore {
    Optional<Export> findExport(String id);

    /** Exports in id order, {@code limit} at a time after cursor {@code after}. */
    Page<Export> listExports(Optional<String> after, int limit);

    /** The exports that send to {@code destinationId}, in id order. */
    Page<Export> listExportsTo(String destinationId, Optional<String> after, int limit);

    /** Creates or replaces the export; BAD_REQUEST naming a destination that does not exist. Whether it was created. */
    boolean putExport(Export export);

    boolean deleteExport(String id);

    Optional<Destination> findDestination(String id);

    /** Destinations in id order, {@code limit} at a time after cursor {@code after}. */
    Page<Destination> listDestinations(Optional<String> after, int limit);

    /** Creates or replaces the destination; whether it was created. */
    boolean putDestination(Destination destination);

    /** Whether it was deleted; CONFLICT while an export sends to it. */
    boolean deleteDestination(String id);
}
