package org.opencentral.platform.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * A smooth random walk inside a range: each step moves by at most {@value #MAX_STEP} of the range's
 * width and reflects at its bounds. Integral walks round to whole numbers.
 */
public final class NumberWalk implements Generator {
    static final double MAX_STEP = 0.05;

    private final Range range;
    private final boolean integral;
    private double current = Double.NaN;

    public NumberWalk(Range range, boolean integral) {
        this.range = range;
        this.integral = integral;
    }

    public Range range() {
        return range;
    }

    @Override
    public JsonNode next(RandomGenerator random, Instant now) {
        current = Double.isNaN(current) ? range.min() + random.nextDouble() * range.width() : step(random);
        if (integral) {
            return LongNode.valueOf(Math.round(Math.clamp(current, Math.ceil(range.min()), Math.floor(range.max()))));
        }
        return DoubleNode.valueOf(Math.round(current * 100) / 100.0);
    }

    private double step(RandomGenerator random) {
        double next = current + (random.nextDouble() * 2 - 1) * MAX_STEP * range.width();
        if (next > range.max()) {
            next = 2 * range.max() - next;
        } else if (next < range.min()) {
            next = 2 * range.min() - next;
        }
        return Math.clamp(next, range.min(), range.max());
    }
}
