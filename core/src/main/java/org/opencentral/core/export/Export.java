package org.opencentral.core.export;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.opencentral.core.DomainException;

/**
 * A data export definition: its {@code source}, an optional {@code filter} in the export query
 * dialect, named enrichments, and the destinations it sends to (each at most once).
 */
public record Export(String id, String displayName, boolean enabled, ExportSource source, Optional<String> filter,
        Map<String, Enrichment> enrichments, List<DestinationReference> destinations) {
    public Export {
        ExportIds.check("export", id);
        ExportIds.displayName("export", displayName);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(filter, "filter");
        enrichments = java.util.Collections.unmodifiableMap(new TreeMap<>(enrichments));
        destinations = List.copyOf(destinations);
        Set<String> seen = new HashSet<>();
        for (DestinationReference destination : destinations) {
            if (!seen.add(destination.id())) {
                throw DomainException.badRequest("destination '" + destination.id() + "' is listed twice");
            }
        }
        enrichments.keySet().forEach(name -> {
            if (name.isBlank()) {
                throw DomainException.badRequest("an enrichment needs a name");
            }
        });
    }
}
