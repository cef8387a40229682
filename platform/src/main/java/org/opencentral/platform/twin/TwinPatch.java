package org.opencentral.platform.twin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.Json;
import org.opencentral.core.twin.TwinSection;

/**
 * IoT Hub's twin patch semantics, as pure functions: members of the patch replace members of the
 * section, objects merge recursively, {@code null} deletes a member, and every member written gets
 * {@code $lastUpdated} (and, in desired sections, {@code $lastUpdatedVersion}) in {@code $metadata}.
 * {@code $version} and {@code $metadata} in a patch are ignored; other keys with {@code $}, {@code .}
 * or spaces are refused, as are patches nested deeper than {@value #MAX_DEPTH} or sections larger
 * than {@value #MAX_SECTION_BYTES} bytes.
 */
public final class TwinPatch {
    public static final int MAX_DEPTH = 10;
    public static final int MAX_SECTION_BYTES = 32 * 1024;

    private TwinPatch() {
    }

    /** Applies {@code patch} to {@code section}, giving the next version. */
    public static TwinSection apply(TwinSection section, ObjectNode patch, Instant now, boolean trackVersion) {
        ObjectNode cleaned = clean(patch);
        ObjectNode properties = section.properties();
        ObjectNode metadata = section.metadata();
        long version = section.version() + 1;
        merge(properties, metadata, cleaned, now.toString(), trackVersion ? version : -1, 1);
        metadata.put("$lastUpdated", now.toString());
        if (trackVersion) {
            metadata.put("$lastUpdatedVersion", version);
        }
        requireSize(properties);
        return new TwinSection(properties, metadata, version);
    }

    /** Replaces the whole section with {@code replacement}, giving the next version. */
    public static TwinSection replace(TwinSection section, ObjectNode replacement, Instant now, boolean trackVersion) {
        ObjectNode removeAll = Json.object();
        section.properties().fieldNames().forEachRemaining(name -> removeAll.putNull(name));
        ObjectNode patch = removeAll.setAll(clean(replacement));
        return apply(section, patch, now, trackVersion);
    }

    /** The patch without {@code $version}/{@code $metadata}; refuses illegal keys and depth. */
    public static ObjectNode clean(ObjectNode patch) {
        ObjectNode cleaned = patch.deepCopy();
        cleaned.remove(List.of("$version", "$metadata"));
        checkKeys(cleaned, 1);
        return cleaned;
    }

    private static void checkKeys(ObjectNode node, int depth) {
        if (depth > MAX_DEPTH) {
            throw DomainException.badRequest("twin properties are nested deeper than " + MAX_DEPTH + " levels");
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            if (key.isEmpty() || key.indexOf('$') >= 0 || key.indexOf('.') >= 0 || key.indexOf(' ') >= 0) {
                throw DomainException.badRequest("invalid twin property name '" + key
                        + "': names may not be empty or contain '$', '.' or spaces");
            }
            if (field.getValue() instanceof ObjectNode child) {
                checkKeys(child, depth + 1);
            }
        }
    }

    private static void merge(ObjectNode target, ObjectNode metadata, ObjectNode patch, String now, long version,
            int depth) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(patch.properties());
        for (Map.Entry<String, JsonNode> field : fields) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                target.remove(key);
                metadata.remove(key);
            } else if (value instanceof ObjectNode patchChild && target.get(key) instanceof ObjectNode targetChild) {
                ObjectNode childMeta = metadata.get(key) instanceof ObjectNode m ? m : metadata.putObject(key);
                merge(targetChild, childMeta, patchChild, now, version, depth + 1);
                stamp(childMeta, now, version);
            } else {
                JsonNode written = value.deepCopy();
                if (written instanceof ObjectNode object) {
                    removeNulls(object);
                }
                target.set(key, written);
                metadata.set(key, metadataFor(written, now, version));
            }
        }
    }

    private static ObjectNode metadataFor(JsonNode value, String now, long version) {
        ObjectNode meta = Json.object();
        if (value instanceof ObjectNode object) {
            object.properties().forEach(e -> meta.set(e.getKey(), metadataFor(e.getValue(), now, version)));
        }
        stamp(meta, now, version);
        return meta;
    }

    private static void stamp(ObjectNode meta, String now, long version) {
        meta.put("$lastUpdated", now);
        if (version > 0) {
            meta.put("$lastUpdatedVersion", version);
        }
    }

    private static void removeNulls(ObjectNode object) {
        object.properties().removeIf(e -> e.getValue().isNull());
        object.properties().forEach(e -> {
            if (e.getValue() instanceof ObjectNode child) {
                removeNulls(child);
            }
        });
    }

    private static void requireSize(ObjectNode properties) {
        int size = Json.write(properties).getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_SECTION_BYTES) {
            throw new DomainException(ErrorCode.PAYLOAD_TOO_LARGE,
                    "twin section would be " + size + " bytes; the limit is " + MAX_SECTION_BYTES);
        }
    }
}
