package org.opencentral.platform.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.opencentral.core.Json;

/**
 * A value built from parts, each with its own generator: an object (or vector, or map) member by
 * member, or an array element by element.
 */
public final class Composite implements Generator {
    private final Map<String, Generator> members;
    private final boolean array;

    private Composite(Map<String, Generator> members, boolean array) {
        this.members = members;
        this.array = array;
    }

    /** An object whose members are generated in the given order. */
    public static Composite object(Map<String, Generator> members) {
        return new Composite(new LinkedHashMap<>(members), false);
    }

    /** An array of one element per generator. */
    public static Composite array(List<Generator> elements) {
        Map<String, Generator> indexed = new LinkedHashMap<>();
        for (int i = 0; i < elements.size(); i++) {
            indexed.put(Integer.toString(i), elements.get(i));
        }
        return new Composite(indexed, true);
    }

    @Override
    public JsonNode next(RandomGenerator random, Instant now) {
        if (array) {
            ArrayNode values = Json.MAPPER.createArrayNode();
            members.values().forEach(g -> values.add(g.next(random, now)));
            return values;
        }
        ObjectNode value = Json.object();
        members.forEach((name, g) -> value.set(name, g.next(random, now)));
        return value;
    }
}
