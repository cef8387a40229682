package org.opencentral.platform.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Whether two capability models differ only in their cloud properties (elements typed
 * {@code ["Property","Cloud"]}), the one change a published template allows.
 */
final class CloudPropertyDiff {
    private CloudPropertyDiff() {
    }

    static boolean sameExceptCloudProperties(ObjectNode a, ObjectNode b) {
        return strip(a).equals(strip(b));
    }

    private static JsonNode strip(JsonNode node) {
        JsonNode copy = node.deepCopy();
        removeCloud(copy);
        return copy;
    }

    private static void removeCloud(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.get("contents") instanceof ArrayNode contents) {
                for (int i = contents.size() - 1; i >= 0; i--) {
                    if (isCloudProperty(contents.get(i))) {
                        contents.remove(i);
                    }
                }
            }
            object.forEach(CloudPropertyDiff::removeCloud);
        } else if (node instanceof ArrayNode array) {
            array.forEach(CloudPropertyDiff::removeCloud);
        }
    }

    static boolean isCloudProperty(JsonNode element) {
        JsonNode type = element.path("@type");
        if (!type.isArray()) {
            return false;
        }
        boolean cloud = false;
        boolean property = false;
        for (JsonNode t : type) {
            cloud |= t.asText().equals("Cloud");
            property |= t.asText().equals("Property");
        }
        return cloud && property;
    }
}
