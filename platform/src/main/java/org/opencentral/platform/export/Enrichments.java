package org.opencentral.platform.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import java.util.Optional;
import org.opencentral.core.Json;
import org.opencentral.core.device.Device;
import org.opencentral.core.export.Enrichment;

/**
 * An export's enrichments added to each message under {@code enrichments}: a custom value as given,
 * or a system property of the device ({@code $displayName}, {@code $enabled}, {@code $simulated},
 * {@code $provisioned}, {@code $templateDisplayName}, {@code $organizations}), or with a
 * {@code target} the value of the device property named by {@code path} (reported or cloud, at the
 * root or in a component). A value the device does not have is left out.
 */
public final class Enrichments {
    private Enrichments() {
    }

    public static void add(ObjectNode message, Map<String, Enrichment> enrichments, DeviceFacts facts) {
        message.set("enrichments", of(enrichments, facts));
    }

    /** The {@code enrichments} member of a message about the device of {@code facts}. */
    public static ObjectNode of(Map<String, Enrichment> enrichments, DeviceFacts facts) {
        ObjectNode added = Json.object();
        enrichments.forEach((name, enrichment) -> value(enrichment, facts).ifPresent(v -> added.set(name, v)));
        return added;
    }

    private static Optional<JsonNode> value(Enrichment enrichment, DeviceFacts facts) {
        if (enrichment.value().isPresent()) {
            return enrichment.value();
        }
        if (enrichment.target().isPresent()) {
            return facts.property(enrichment.path().orElseThrow());
        }
        Optional<Device> device = facts.device();
        return switch (enrichment.path().orElseThrow()) {
            case "$displayName" -> device.map(d -> TextNode.valueOf(d.displayName()));
            case "$enabled" -> device.map(d -> BooleanNode.valueOf(d.enabled()));
            case "$simulated" -> device.map(d -> BooleanNode.valueOf(d.simulated()));
            case "$provisioned" -> device.map(d -> BooleanNode.valueOf(d.provisioned()));
            case "$templateDisplayName" -> facts.templateDisplayName().map(TextNode::valueOf);
            case "$organizations" -> device.map(d -> {
                var list = Json.MAPPER.createArrayNode();
                d.organization().ifPresent(list::add);
                return list;
            });
            default -> Optional.empty();
        };
    }
}
