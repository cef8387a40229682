package org.opencentral.platform.export;

import java.util.List;
import org.opencentral.core.export.Destination;
import org.opencentral.core.export.Export;

/** How exports and destinations are doing, as the export runner sees them. */
public interface ExportHealth {
    ExportStatus of(Export export);

    ExportStatus of(Destination destination);

    /** The counters of every export and destination pair that has run since the server started. */
    List<DeliveryCounters> counters();
}
