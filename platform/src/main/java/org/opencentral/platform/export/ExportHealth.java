package org.opencentral.platform.export;

import org.opencentral.core.export.Destination;
import org.opencentral.core.export.Export;

/** How exports and destinations are doing, as the export runner sees them. */
public interface ExportHealth {
    /** Without a runner: enabled exports and every destination have not started. */
    ExportHealth NOT_RUNNING = new ExportHealth() {
        @Override
        public ExportStatus of(Export export) {
            return export.enabled() ? ExportStatus.NOT_STARTED : ExportStatus.DISABLED;
        }

        @Override
        public ExportStatus of(Destination destination) {
            return ExportStatus.NOT_STARTED;
        }
    };

    ExportStatus of(Export export);

    ExportStatus of(Destination destination);
}
