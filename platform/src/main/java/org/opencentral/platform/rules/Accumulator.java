package org.opencentral.platform.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.OptionalDouble;
import org.opencentral.core.Json;
import org.opencentral.core.rule.Aggregation;

/** One telemetry's values in one window: how many, and the sum, minimum and maximum of the numbers. */
final class Accumulator {
    private long count;
    private long numbers;
    private double sum;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    void add(JsonNode value) {
        count++;
        if (value.isNumber()) {
            double v = value.asDouble();
            numbers++;
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
    }

    /** The aggregate, empty when the window holds no number to aggregate ({@code count} is always there). */
    OptionalDouble value(Aggregation aggregation) {
        if (aggregation == Aggregation.COUNT) {
            return OptionalDouble.of(count);
        }
        if (numbers == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(switch (aggregation) {
            case AVG -> sum / numbers;
            case MIN -> min;
            case MAX -> max;
            case SUM -> sum;
            case COUNT -> count;
        });
    }

    ArrayNode toJson() {
        ArrayNode json = Json.MAPPER.createArrayNode();
        json.add(count).add(numbers).add(sum);
        if (numbers > 0) {
            json.add(min).add(max);
        }
        return json;
    }

    static Accumulator fromJson(JsonNode json) {
        Accumulator a = new Accumulator();
        a.count = json.path(0).asLong();
        a.numbers = json.path(1).asLong();
        a.sum = json.path(2).asDouble();
        if (a.numbers > 0) {
            a.min = json.path(3).asDouble();
            a.max = json.path(4).asDouble();
        }
        return a;
    }
}
