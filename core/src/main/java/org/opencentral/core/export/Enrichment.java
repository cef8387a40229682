package org.opencentral.core.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;
import org.opencentral.core.DomainException;

/**
 * One enrichment of an export's messages: a raw {@code value} (a custom string), or a {@code path}
 * naming a system property ({@code $displayName}, {@code $enabled}…) or, with a {@code target}
 * template or interface, a device property.
 */
public record Enrichment(Optional<String> target, Optional<String> path, Optional<JsonNode> value) {
    public Enrichment {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(value, "value");
        if (value.isPresent() == path.isPresent()) {
            throw DomainException.badRequest("an enrichment has either a 'value' or a 'path'");
        }
        if (target.isPresent() && path.isEmpty()) {
            throw DomainException.badRequest("an enrichment with a 'target' needs the 'path' of a property");
        }
        value = value.map(JsonNode::deepCopy);
    }
}
