package org.opencentral.platform.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;
import org.opencentral.dtdl.model.EnumLiteral;
import org.opencentral.dtdl.model.EnumValue;

/** The values of an enum: mostly staying on one, now and then moving to the next (cyclically). */
public final class EnumCycle implements Generator {
    static final double CHANGE_PROBABILITY = 0.2;

    private final List<EnumValue> values;
    private int index = -1;

    public EnumCycle(List<EnumValue> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an enum needs values");
        }
        this.values = List.copyOf(values);
    }

    @Override
    public JsonNode next(RandomGenerator random, Instant now) {
        if (index < 0) {
            index = random.nextInt(values.size());
        } else if (random.nextDouble() < CHANGE_PROBABILITY) {
            index = (index + 1) % values.size();
        }
        return switch (values.get(index).value()) {
            case EnumLiteral.IntegerValue i -> IntNode.valueOf(i.value());
            case EnumLiteral.StringValue s -> TextNode.valueOf(s.value());
        };
    }
}
